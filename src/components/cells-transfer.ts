/**
 * Measurements as columns of typed arrays, so the parse worker can hand a large file's cells to
 * the page by transfer instead of structured-cloning 200,000 small objects (which would block
 * the page while it deserialises them).
 */
import {
  BENEFIT_GROUP_IDS,
  MEASURES,
  monthFromIndex,
  monthIndex,
  type Cell,
  type InputIssue,
  type Measurements,
} from "./_gen/tidlig.js";

export interface PackedMeasurements {
  readonly codes: string[];
  readonly code: Uint16Array;
  readonly group: Uint8Array;
  readonly measure: Uint8Array;
  readonly month: Int32Array;
  /** NaN = unknown. */
  readonly population: Float64Array;
  readonly without: Float64Array;
  /** shareDen 0 = unknown. */
  readonly shareNum: Float64Array;
  readonly shareDen: Float64Array;
  readonly names: [string, string][];
  readonly warnings: InputIssue[];
}

export function packMeasurements(m: Measurements): PackedMeasurements {
  const n = m.cells.length;
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const p: PackedMeasurements = {
    codes,
    code: new Uint16Array(n),
    group: new Uint8Array(n),
    measure: new Uint8Array(n),
    month: new Int32Array(n),
    population: new Float64Array(n),
    without: new Float64Array(n),
    shareNum: new Float64Array(n),
    shareDen: new Float64Array(n),
    names: [...m.names],
    warnings: [...m.warnings],
  };
  const groups = new Map(BENEFIT_GROUP_IDS.map((g, i) => [g as string, i]));
  m.cells.forEach((c, i) => {
    let k = codeIndex.get(c.municipalityCode);
    if (k === undefined) {
      k = codes.push(c.municipalityCode) - 1;
      codeIndex.set(c.municipalityCode, k);
    }
    p.code[i] = k;
    p.group[i] = groups.get(c.benefitGroup)!;
    p.measure[i] = c.measure === MEASURES[0] ? 0 : 1;
    p.month[i] = monthIndex(c.month);
    p.population[i] = c.population ?? NaN;
    p.without[i] = c.without ?? NaN;
    p.shareNum[i] = c.shareWithout?.num ?? 0;
    p.shareDen[i] = c.shareWithout?.den ?? 0;
  });
  return p;
}

/** The typed arrays of a packed set, for postMessage's transfer list. */
export function transferables(p: PackedMeasurements): ArrayBuffer[] {
  return [p.code, p.group, p.measure, p.month, p.population, p.without, p.shareNum, p.shareDen].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

export function unpackMeasurements(p: PackedMeasurements): Measurements {
  const n = p.code.length;
  const months = new Map<number, string>();
  const cells = new Array<Cell>(n);
  for (let i = 0; i < n; i++) {
    const mi = p.month[i]!;
    let month = months.get(mi);
    if (month === undefined) {
      month = monthFromIndex(mi);
      months.set(mi, month);
    }
    const pop = p.population[i]!;
    const without = p.without[i]!;
    const den = p.shareDen[i]!;
    cells[i] = {
      municipalityCode: p.codes[p.code[i]!]!,
      benefitGroup: BENEFIT_GROUP_IDS[p.group[i]!]!,
      measure: MEASURES[p.measure[i]!]!,
      month,
      population: Number.isNaN(pop) ? null : pop,
      without: Number.isNaN(without) ? null : without,
      shareWithout: den === 0 ? null : { num: p.shareNum[i]!, den },
    };
  }
  return { cells, names: new Map(p.names), warnings: p.warnings };
}
