/**
 * Statuses only, for bulk re-evaluation (threshold sweeps, what-if diffs, benchmarks): the same
 * clauses as evaluate() (RULES.md §3.3–3.5, §4.2–4.3), fused into one pass over the cached
 * criterion series with no trace objects. test/fast-verdicts.test.ts holds it equal to evaluate().
 */
import { monthIndex } from "../domain/month.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import { fedCriterionSeries, type CriterionSeries } from "./month-values.ts";
import { OVERALL_CRITERIA, PER_GROUP_CRITERIA, type CriterionDefinition } from "./criteria.ts";
import { resolveParameters, type EvaluationRequest } from "./evaluate.ts";
import { complementOf, shareFromPercent } from "./share.ts";
import type { CriterionStatus } from "./trace.ts";

/** Status codes of the matrix; -1 = criterion not evaluated for that municipality. */
export const STATUS_ORDER: readonly CriterionStatus[] = ["flagged", "compliant", "not-covered", "insufficient-data", "exempted", "restored", "not-restored"];
const [FLAGGED, COMPLIANT, NOT_COVERED, INSUFFICIENT, EXEMPTED, RESTORED, NOT_RESTORED] = [0, 1, 2, 3, 4, 5, 6] as const;
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
export function statusAt(m: StatusMatrix, row: number): CriterionStatus {
  return STATUS_ORDER[m.municipality[row]!]!;
}

export function countStatuses(m: StatusMatrix): Record<CriterionStatus, number> {
  const out = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<CriterionStatus, number>;
  for (const s of m.municipality) out[STATUS_ORDER[s]!]!++;
  return out;
}


/** §3.3 / §4.2 in one pass: the first small month decides; else a calm month; else a missing one. */
function triggerStatus(s: CriterionSeries, w: Int32Array, limNum: number, limDen: number, minPop: number): number {
  let calm = false;
  let missing = false;
  for (const i of w) {
    if (i < 0) {
      missing = true;
      continue;
    }
    const p = s.population[i]!;
    if (p < minPop && !s.lowerBound[i]) return NOT_COVERED; // NaN < x is false: unknown never excludes
    const den = s.shareDen[i]!;
    if (den === 0) missing = true;
    else if (s.shareNum[i]! * limDen <= limNum * den) calm = true;
  }
  return calm ? COMPLIANT : missing ? INSUFFICIENT : FLAGGED;
}

/** §4.3: any restoring month restores; else unknown months leave it open; else not restored. */
function restorationStatus(s: CriterionSeries, w: Int32Array, limNum: number, limDen: number, minPop: number): number {
  let missing = false;
  for (const i of w) {
    if (i < 0) {
      missing = true;
      continue;
    }
    if (s.population[i]! < minPop && !s.lowerBound[i]) return RESTORED;
    const den = s.shareDen[i]!;
    if (den === 0) missing = true;
    else if (s.shareNum[i]! * limDen < limNum * den) return RESTORED;
  }
  return missing ? INSUFFICIENT : NOT_RESTORED;
}

/** §3.4 positive trend: strictly falling shares through the whole window, compared exactly. */
function fallsStrictly(s: CriterionSeries, w: Int32Array): boolean {
  const pos = w;
  if (pos.length < 2) return false;
  for (let k = 0; k < pos.length; k++) if (pos[k]! < 0 || s.shareDen[pos[k]!] === 0) return false;
  for (let k = 1; k < pos.length; k++) {
    const a = pos[k - 1]!;
    const b = pos[k]!;
    if (s.shareNum[b]! * s.shareDen[a]! >= s.shareNum[a]! * s.shareDen[b]!) return false;
  }
  return true;
}

const TRIGGER_RANK = [FLAGGED, EXEMPTED, INSUFFICIENT, COMPLIANT];
const RESTORATION_RANK = [NOT_RESTORED, INSUFFICIENT, RESTORED];

/** The statuses evaluate() would give, without traces. */
export function verdictStatuses(index: MeasurementIndex, req: EvaluationRequest): StatusMatrix {
  const p = resolveParameters(req);
  const restoration = p.ruleSet === "genopretning-2020" && req.mode === "restoration";
  const limit = p.ruleSet === "opfoelgning-2024" ? complementOf(shareFromPercent(p.threshold)) : shareFromPercent(p.limit);
  const selected = req.criteria ? new Set(req.criteria) : null;
  const defs: readonly CriterionDefinition[] = (p.ruleSet === "opfoelgning-2024" && p.aggregation === "overall" ? OVERALL_CRITERIA : PER_GROUP_CRITERIA).filter(
    (c) => !selected || selected.has(c.id),
  );
  const w = index.positionsOf(req.window);
  const exemptions = p.ruleSet === "opfoelgning-2024" && p.applyExemptions;
  const first = req.window.length ? monthIndex(req.window[0]!) : 0;
  const last = req.window.length ? monthIndex(req.window[req.window.length - 1]!) : -1;
  const supervised = new Set(
    (req.supervision ?? []).filter((e) => monthIndex(e.from) <= last && monthIndex(e.to) >= first).map((e) => e.municipalityCode),
  );

  const codes = index.codes;
  const criterion = new Int8Array(codes.length * defs.length).fill(NONE);
  const municipality = new Int8Array(codes.length);
  const seen = new Uint8Array(STATUS_ORDER.length);
  const fed = fedCriterionSeries(index, defs);
  codes.forEach((code, row) => {
    seen.fill(0);
    let any = false;
    fed[row]!.forEach((s, col) => {
      if (!s) return;
      let status = restoration ? restorationStatus(s, w, limit.num, limit.den, p.minPopulation) : triggerStatus(s, w, limit.num, limit.den, p.minPopulation);
      if (status === FLAGGED && exemptions && (supervised.has(code) || fallsStrictly(s, w))) status = EXEMPTED;
      criterion[row * defs.length + col] = status;
      seen[status] = 1;
      any = true;
    });
    const rank = restoration ? RESTORATION_RANK : TRIGGER_RANK;
    const fallback = restoration ? INSUFFICIENT : NOT_COVERED;
    municipality[row] = any ? (rank.find((s) => seen[s]) ?? fallback) : fallback;
  });
  return { codes, criteria: defs.map((c) => c.id), criterion, municipality };
}
