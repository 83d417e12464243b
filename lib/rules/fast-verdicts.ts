/**
 * Statuses only, for bulk re-evaluation (threshold sweeps, what-if diffs, benchmarks): the same
 * clauses as evaluate() (docs/rules.md §3.3–3.5, §4.2–4.3), fused into one pass over the cached
 * criterion series with no trace objects. test/fast-verdicts.test.ts holds it equal to evaluate().
 */
import { derivation, type MeasurementIndex } from "./measurement-index.ts";
import { criterionBlock } from "./month-values.ts";
import type { CriterionDefinition } from "./criteria.ts";
import { resolveRequest, type EvaluationRequest, type ResolvedRequest } from "./request.ts";
import {
  NOTHING_UNDER_RESTORATION,
  PREVIOUS_WINDOW_MISSING,
  RESTORATION_FALLBACK,
  RESTORATION_PRECEDENCE,
  TRIGGER_FALLBACK,
  TRIGGER_PRECEDENCE,
} from "./clauses.ts";
import type { MunicipalityStatus } from "./trace.ts";
import { publishedPositions } from "./outlook.ts";

/** Status codes of the matrix; -1 = criterion not evaluated for that municipality. */
export const STATUS_ORDER: readonly MunicipalityStatus[] = [
  "flagged",
  "compliant",
  "not-covered",
  "insufficient-data",
  "exempted",
  "restored",
  "not-restored",
  "not-under-restoration",
];
const statusCode = (s: MunicipalityStatus): number => STATUS_ORDER.indexOf(s);
const FLAGGED = statusCode("flagged");
const COMPLIANT = statusCode("compliant");
const NOT_COVERED = statusCode("not-covered");
const INSUFFICIENT = statusCode("insufficient-data");
const EXEMPTED = statusCode("exempted");
const RESTORED = statusCode("restored");
const NOT_RESTORED = statusCode("not-restored");
const NONE = -1;

export interface StatusMatrix {
  /** Municipality codes, as in the index. */
  readonly codes: readonly string[];
  readonly criteria: readonly string[];
  /** codes.length × criteria.length codes into STATUS_ORDER, row-major; -1 = not evaluated. */
  readonly criterion: Int8Array;
  /** One code per municipality. */
  readonly municipality: Int8Array;
}

/** The status of one municipality, by name. */
export function statusAt(m: StatusMatrix, row: number): MunicipalityStatus {
  return STATUS_ORDER[m.municipality[row]!]!;
}

export function countStatuses(m: StatusMatrix): Record<MunicipalityStatus, number> {
  const out = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<MunicipalityStatus, number>;
  for (const s of m.municipality) out[STATUS_ORDER[s]!]!++;
  return out;
}

/**
 * The fed criterion series of a rule set's criteria, repacked month-major: for each month, the
 * figures of every (municipality, criterion) cell side by side. A window is then a few
 * sequential sweeps through memory, so time grows with the data and not faster (the cache
 * misses of reading thousands of small series made ×100 data take ~300× as long).
 */
interface Packed {
  /** Cells per month: municipalities × criteria. */
  readonly block: number;
  /** 1 where the input feeds the cell's criterion. */
  readonly fed: Uint8Array;
  /** Municipalities × months of the index: 1 where any fed criterion has a row that month. */
  readonly present: Uint8Array;
  /** Population; −1 − P where it is only a lower bound (never proves "too few"); NaN unknown. */
  readonly population: Float64Array;
  readonly shareNum: Float64Array;
  /** 0 where the share is unknown. */
  readonly shareDen: Float64Array;
}

const PACKED = derivation<readonly CriterionDefinition[], Packed>("packed criterion series", (index, defs) => {
  const blocks = defs.map((c) => criterionBlock(index, c));
  const block = index.codes.length * defs.length;
  const size = block * index.length;
  const out: Packed = {
    block,
    fed: new Uint8Array(block),
    present: new Uint8Array(index.codes.length * index.length),
    population: new Float64Array(size).fill(NaN),
    shareNum: new Float64Array(size),
    shareDen: new Float64Array(size),
  };
  index.codes.forEach((_, r) =>
    blocks.forEach((b, col) => {
      if (!b.fed[r]) return;
      const s = b.series[r]!;
      const cell = r * defs.length + col;
      out.fed[cell] = 1;
      for (let i = 0; i < index.length; i++) if (s.source[i]) out.present[r * index.length + i] = 1;
      for (let i = 0, at = cell; i < index.length; i++, at += block) {
        out.population[at] = s.lowerBound[i] ? -1 - s.population[i]! : s.population[i]!;
        out.shareNum[at] = s.shareNum[i]!;
        out.shareDen[at] = s.shareDen[i]!;
      }
    }),
  );
  return out;
});

/** What the months of the window showed, per cell (bits). */
const SMALL = 1; // §3.3.1: a known population below the minimum
const CALM = 2; // §3.3.2: a known share at or below the limit
const MISSING = 4; // §3.3.3: a month without a share
const BELOW = 8; // §4.3: a known share strictly below the limit

/**
 * One pass over the window's months, month-major, recording the clause bits of every cell. The
 * falling-share test (§3.4) is left to fellThroughout: only a flagged cell needs it.
 */
function sweepWindow(pk: Packed, positions: Int32Array, limNum: number, limDen: number, minPop: number): Uint8Array {
  const { block, population, shareNum, shareDen } = pk;
  const bits = new Uint8Array(block);
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    if (i < 0) {
      for (let c = 0; c < block; c++) bits[c]! |= MISSING;
      continue;
    }
    const base = i * block;
    for (let c = 0; c < block; c++) {
      const pop = population[base + c]!;
      const den = shareDen[base + c]!;
      let f = pop >= 0 && pop < minPop ? SMALL : 0; // lower bounds are negative, NaN fails
      if (den === 0) f |= MISSING;
      else {
        const side = shareNum[base + c]! * limDen - limNum * den;
        if (side <= 0) f |= side < 0 ? CALM | BELOW : CALM;
      }
      if (f !== 0) bits[c]! |= f;
    }
  }
  return bits;
}

/**
 * §3.4: whether the cell's share fell strictly from each month of the window to the next (every
 * month known, at least two months).
 */
function fellThroughout(pk: Packed, positions: Int32Array, cell: number): boolean {
  if (positions.length < 2) return false;
  const { block, shareNum, shareDen } = pk;
  let num = 0;
  let den = 0;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    if (i < 0) return false;
    const n = shareNum[i * block + cell]!;
    const d = shareDen[i * block + cell]!;
    if (d === 0 || (k > 0 && n * den >= num * d)) return false;
    num = n;
    den = d;
  }
  return true;
}

/** §3.3 / §4.2 order: a small month decides; else a calm month; else a missing one; else flagged. */
function triggerStatus(f: number): number {
  return f & SMALL ? NOT_COVERED : f & CALM ? COMPLIANT : f & MISSING ? INSUFFICIENT : FLAGGED;
}

/** §4.3: a month below the limit or with too few persons restores; else unknown months leave it open. */
function restorationStatus(f: number): number {
  return f & (SMALL | BELOW) ? RESTORED : f & MISSING ? INSUFFICIENT : NOT_RESTORED;
}

/** The municipality precedence of clauses.ts, as status codes. */
const TRIGGER_RANK = TRIGGER_PRECEDENCE.map(statusCode);
const RESTORATION_RANK = RESTORATION_PRECEDENCE.map(statusCode);

/** §4.3 (ruling): what each municipality has under restoration, derived from the window before. */
export interface DerivedRestoration {
  /** By row of `index.codes`: 1 when a month of the previous window has no row for the municipality. */
  readonly missing: Uint8Array;
  /** Rows × `allCriteria`, row-major: 1 where the criterion was flagged on the previous window. */
  readonly under: Uint8Array;
}

/**
 * Restoration mode without named criteria: per municipality, the criteria flagged at the trigger
 * assessment of the previous window, from the same data and parameters. Null when the request
 * names its criteria or is no restoration check. evaluate() reads the same result.
 */
export function derivedRestoration(index: MeasurementIndex, r: ResolvedRequest): DerivedRestoration | null {
  if (!r.previousWindow) return null;
  const pk = index.memoize(PACKED, r.allCriteria);
  const positions = index.positionsOf(r.previousWindow);
  const bits = sweepWindow(pk, positions, r.limit.num, r.limit.den, r.minPopulation);
  const n = r.allCriteria.length;
  const missing = new Uint8Array(index.codes.length);
  const under = new Uint8Array(index.codes.length * n);
  for (let row = 0; row < index.codes.length; row++) {
    if (positions.some((i) => i < 0 || !pk.present[row * index.length + i])) {
      missing[row] = 1;
      continue;
    }
    for (let cell = row * n; cell < (row + 1) * n; cell++) {
      if (pk.fed[cell] && triggerStatus(bits[cell]!) === FLAGGED) under[cell] = 1;
    }
  }
  return { missing, under };
}

const NOTHING_UNDER = statusCode(NOTHING_UNDER_RESTORATION);
const PREVIOUS_MISSING = statusCode(PREVIOUS_WINDOW_MISSING);

/** The statuses evaluate() would give, without traces. */
export function verdictStatuses(index: MeasurementIndex, req: EvaluationRequest): StatusMatrix {
  const r = resolveRequest(req);
  const restoration = r.mode === "restoration";
  const all = r.allCriteria;
  const defs = r.criteria;
  const columns = defs.map((c) => all.indexOf(c));
  const supervised = new Set(r.supervision.map((e) => e.municipalityCode));
  const derived = derivedRestoration(index, r);

  const pk = index.memoize(PACKED, all);
  const positions = publishedPositions(index, r.window, r.asOf);
  const bits = sweepWindow(pk, positions, r.limit.num, r.limit.den, r.minPopulation);
  const codes = index.codes;
  const criterion = new Int8Array(codes.length * defs.length).fill(NONE);
  const municipality = new Int8Array(codes.length);
  const seen = new Uint8Array(STATUS_ORDER.length);
  const rank = restoration ? RESTORATION_RANK : TRIGGER_RANK;
  const fallback = derived ? NOTHING_UNDER : statusCode(restoration ? RESTORATION_FALLBACK : TRIGGER_FALLBACK);
  const width = all.length;
  // Plain loops: this runs for every (municipality, criterion) of every window in a sweep.
  for (let row = 0; row < codes.length; row++) {
    if (derived?.missing[row]) {
      municipality[row] = PREVIOUS_MISSING;
      continue;
    }
    seen.fill(0);
    let any = false;
    for (let k = 0; k < columns.length; k++) {
      const cell = row * width + columns[k]!;
      if (!pk.fed[cell] || (derived && !derived.under[cell])) continue;
      const f = bits[cell]!;
      let status = restoration ? restorationStatus(f) : triggerStatus(f);
      if (
        status === FLAGGED &&
        r.applyExemptions &&
        (supervised.has(codes[row]!) || fellThroughout(pk, positions, cell))
      ) {
        status = EXEMPTED;
      }
      criterion[row * defs.length + k] = status;
      seen[status] = 1;
      any = true;
    }
    let decided = fallback;
    if (any)
      for (const s of rank)
        if (seen[s]) {
          decided = s;
          break;
        }
    municipality[row] = decided;
  }
  return { codes, criteria: defs.map((c) => c.id), criterion, municipality };
}
