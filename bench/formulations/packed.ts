/**
 * A diagnostic for the scale benchmark: the status kernel's clauses (trigger mode, no exemptions)
 * over a *packed, month-major* layout — for each month, the figures of every (municipality,
 * criterion) in one contiguous block: `[(month · municipalities + row) · criteria + col]` —
 * instead of ~6 small typed arrays per (municipality, criterion). A window is evaluated month by
 * month as three sequential streams, with the per-criterion clause flags (small / calm / missing)
 * in a small byte array; the clause order is applied at the end, which is equivalent to the
 * kernel's early return. Built from the same cached criterion series, so the figures are the
 * kernel's own; only the memory layout and loop order differ. If this scales linearly where the
 * kernel does not, the kernel's growth is cache misses from scattered arrays, not the algorithm.
 */
import type { MeasurementIndex } from "../../lib/rules/measurement-index.ts";
import { criterionSeries } from "../../lib/rules/month-values.ts";
import { isFed } from "../../lib/rules/criteria.ts";
import { CRIT_SETS, type CritSet, type RequestRow } from "./plan.ts";

const [FLAGGED, COMPLIANT, NOT_COVERED, INSUFFICIENT] = [0, 1, 2, 3] as const;
const SMALL = 1;
const CALM = 2;
const MISSING = 4;

interface Packed {
  readonly crit: number;
  readonly fed: Uint8Array;
  /** Population, negated-and-minus-one where it is only a lower bound (−1 − P); NaN unknown. */
  readonly population: Float64Array;
  readonly shareNum: Float64Array;
  readonly shareDen: Float64Array;
}

export interface PackedKernel {
  /** Status codes as in STATUS_ORDER (criterion: -1 = not fed), one matrix per request. */
  run(requests: readonly RequestRow[]): { criterion: Int8Array; municipality: Int8Array }[];
}

export function packedKernel(index: MeasurementIndex): PackedKernel {
  const n = index.codes.length;
  const len = index.length;
  const packed = {} as Record<CritSet, Packed>;
  for (const [set, defs] of Object.entries(CRIT_SETS) as [CritSet, (typeof CRIT_SETS)[CritSet]][]) {
    const block = n * defs.length;
    const p: Packed = {
      crit: defs.length,
      fed: new Uint8Array(block),
      population: new Float64Array(block * len).fill(NaN),
      shareNum: new Float64Array(block * len),
      shareDen: new Float64Array(block * len),
    };
    index.codes.forEach((code, row) => {
      defs.forEach((c, col) => {
        if (!isFed(index, code, c)) return;
        const s = criterionSeries(index, code, c);
        const cell = row * defs.length + col;
        p.fed[cell] = 1;
        for (let i = 0; i < len; i++) {
          const at = i * block + cell;
          const pop = s.population[i]!;
          p.population[at] = s.lowerBound[i] ? -1 - pop : pop;
          p.shareNum[at] = s.shareNum[i]!;
          p.shareDen[at] = s.shareDen[i]!;
        }
      });
    });
    packed[set] = p;
  }
  return {
    run: (requests) =>
      requests.map((r) => {
        const p = packed[r.critSet];
        const block = n * p.crit;
        const flags = new Uint8Array(block);
        const { limitNum, limitDen, minPopulation } = r;
        for (const m of r.months) {
          const i = m - index.start;
          if (i < 0 || i >= len) {
            for (let c = 0; c < block; c++) flags[c]! |= MISSING;
            continue;
          }
          const base = i * block;
          for (let c = 0; c < block; c++) {
            const pop = p.population[base + c]!;
            const den = p.shareDen[base + c]!;
            let f = 0;
            if (pop >= 0 && pop < minPopulation) f = SMALL; // lower bounds are negative, NaN fails both
            if (den === 0) f |= MISSING;
            else if (p.shareNum[base + c]! * limitDen <= limitNum * den) f |= CALM;
            flags[c]! |= f;
          }
        }
        const criterion = new Int8Array(block).fill(-1);
        const municipality = new Int8Array(n);
        for (let row = 0; row < n; row++) {
          let flagged = false;
          let insufficient = false;
          let compliant = false;
          for (let col = 0; col < p.crit; col++) {
            const c = row * p.crit + col;
            if (!p.fed[c]) continue;
            const f = flags[c]!;
            const status = f & SMALL ? NOT_COVERED : f & CALM ? COMPLIANT : f & MISSING ? INSUFFICIENT : FLAGGED;
            criterion[c] = status;
            if (status === FLAGGED) flagged = true;
            else if (status === INSUFFICIENT) insufficient = true;
            else if (status === COMPLIANT) compliant = true;
          }
          municipality[row] = flagged ? FLAGGED : insufficient ? INSUFFICIENT : compliant ? COMPLIANT : NOT_COVERED;
        }
        return { criterion, municipality };
      }),
  };
}
