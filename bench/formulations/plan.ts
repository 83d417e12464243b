/**
 * What the benchmark evaluates, and the neutral inputs/outputs of the alternative formulations
 * (DuckDB SQL, arquero): raw cells as columns, the criteria as a table, the windows as
 * (request, month) pairs, and the verdicts as a map that can be compared with verdictStatuses().
 *
 * The formulations get only these tables (no MeasurementIndex, no criterion series): each has to
 * implement docs/rules.md §3.2 (alle-row precedence, ΣW/ΣP, partial sums), §3.3 (clause order, exact
 * comparisons, minimum population) and §3.5 (municipality status) on its own. Scope: trigger mode
 * (both rule sets) without exemptions — what the full evaluation of the benchmark asks for.
 */
import type { Measurements } from "../../lib/domain/measurements.ts";
import { monthIndex } from "../../lib/domain/month.ts";
import type { CriterionDefinition } from "../../lib/rules/criteria.ts";
import { criteriaFor, resolveRequest, type EvaluationRequest } from "../../lib/rules/request.ts";
import { STATUS_ORDER, type StatusMatrix } from "../../lib/rules/fast-verdicts.ts";
import { standardPeriods } from "../../lib/rules/calendar.ts";
import type { Month } from "../../lib/domain/types.ts";

/**
 * The full evaluation: opfoelgning-2024 overall on every half-year, genopretning-2020 trigger per
 * group on every standard window (Mar–May, Sep–Nov), both within [from, to].
 */
export function fullEvaluationRequests(
  from: Month = "2021-01",
  to: Month = "2025-12",
  overrides: { threshold?: number; limit?: number; minPopulation?: number } = {},
): EvaluationRequest[] {
  const followUp = standardPeriods("opfoelgning-2024", from, to).map((p): EvaluationRequest => ({
    ruleSet: "opfoelgning-2024",
    window: p.months,
    period: p.label,
    followUp: {
      aggregation: "overall",
      ...(overrides.threshold !== undefined ? { threshold: overrides.threshold } : {}),
      ...(overrides.minPopulation !== undefined ? { minPopulation: overrides.minPopulation } : {}),
    },
  }));
  const restoration = standardPeriods("genopretning-2020", from, to).map((p): EvaluationRequest => ({
    ruleSet: "genopretning-2020",
    window: p.months,
    period: p.label,
    mode: "trigger",
    restoration: {
      ...(overrides.limit !== undefined ? { limit: overrides.limit } : {}),
      ...(overrides.minPopulation !== undefined ? { minPopulation: overrides.minPopulation } : {}),
    },
  }));
  return [...followUp, ...restoration];
}

/** The raw cells as columns; null = unknown. Month as an index (year·12 + month − 1). */
export interface RawCells {
  readonly code: string[];
  readonly group: string[];
  readonly measure: string[];
  readonly month: Int32Array;
  readonly population: (number | null)[];
  readonly without: (number | null)[];
  /** Published share as num/den (den a power of ten), both null when unknown. */
  readonly shareNum: (number | null)[];
  readonly shareDen: (number | null)[];
}

export function rawCells(m: Measurements): RawCells {
  const n = m.cells.length;
  const out: RawCells = {
    code: new Array(n),
    group: new Array(n),
    measure: new Array(n),
    month: new Int32Array(n),
    population: new Array(n),
    without: new Array(n),
    shareNum: new Array(n),
    shareDen: new Array(n),
  };
  const months = new Map<string, number>();
  m.cells.forEach((c, i) => {
    out.code[i] = c.municipalityCode;
    out.group[i] = c.benefitGroup;
    out.measure[i] = c.measure;
    let mi = months.get(c.month);
    if (mi === undefined) months.set(c.month, (mi = monthIndex(c.month)));
    out.month[i] = mi;
    out.population[i] = c.population;
    out.without[i] = c.without;
    out.shareNum[i] = c.shareWithout ? c.shareWithout.num : null;
    out.shareDen[i] = c.shareWithout ? c.shareWithout.den : null;
  });
  return out;
}

/**
 * How each criterion is fed: role `alle` (the aggregate row, precedence), `sum` (a group summed
 * when the alle row has neither share nor counts) or `own` (a per-group criterion's own row).
 */
export interface CriterionRows {
  readonly critSet: string[];
  readonly crit: string[];
  readonly measure: string[];
  readonly group: string[];
  readonly role: string[];
}

export const CRIT_SETS = {
  overall: criteriaFor("opfoelgning-2024", "overall"),
  "per-group": criteriaFor("opfoelgning-2024", "per-group"),
} as const;
export type CritSet = keyof typeof CRIT_SETS;

export function criterionRows(): CriterionRows {
  const out: CriterionRows = { critSet: [], crit: [], measure: [], group: [], role: [] };
  const add = (set: string, c: CriterionDefinition, group: string, role: string) => {
    out.critSet.push(set);
    out.crit.push(c.id);
    out.measure.push(c.measure);
    out.group.push(group);
    out.role.push(role);
  };
  for (const [set, defs] of Object.entries(CRIT_SETS)) {
    for (const c of defs) {
      if (c.aggregate) {
        add(set, c, "alle", "alle");
        for (const g of c.groups) add(set, c, g, "sum");
      } else add(set, c, c.groups[0]!, "own");
    }
  }
  return out;
}

/** One request as plain numbers: the limit share is exact (num/den), as in the TS module. */
export interface RequestRow {
  readonly req: number;
  readonly critSet: CritSet;
  readonly limitNum: number;
  readonly limitDen: number;
  readonly minPopulation: number;
  readonly months: readonly number[];
}

export function requestRows(requests: readonly EvaluationRequest[]): RequestRow[] {
  return requests.map((r, req) => {
    const p = resolveRequest(r);
    if (p.mode === "restoration") throw new Error("the formulations implement trigger mode only");
    if (p.applyExemptions) throw new Error("the formulations do not apply exemptions");
    if (p.criteriaGiven) throw new Error("the formulations evaluate every criterion");
    return {
      req,
      critSet: p.aggregation,
      limitNum: p.limit.num,
      limitDen: p.limit.den,
      minPopulation: p.minPopulation,
      months: r.window.map(monthIndex),
    };
  });
}

/**
 * Verdicts as `req|code|criterion` → status for every evaluated criterion, and `req|code|*` →
 * the municipality status for every municipality in the input.
 */
export type Verdicts = Map<string, string>;

export function verdictsOfMatrices(matrices: readonly StatusMatrix[]): Verdicts {
  const out: Verdicts = new Map();
  matrices.forEach((m, req) => {
    m.codes.forEach((code, row) => {
      out.set(`${req}|${code}|*`, STATUS_ORDER[m.municipality[row]!]!);
      m.criteria.forEach((crit, col) => {
        const s = m.criterion[row * m.criteria.length + col]!;
        if (s >= 0) out.set(`${req}|${code}|${crit}`, STATUS_ORDER[s]!);
      });
    });
  });
  return out;
}

/** Differences between two verdict maps (at most `max`, described), empty when identical. */
export function diffVerdicts(expected: Verdicts, actual: Verdicts, max = 10): string[] {
  const out: string[] = [];
  for (const [k, v] of expected) {
    if (actual.get(k) !== v) out.push(`${k}: expected ${v}, got ${actual.get(k) ?? "nothing"}`);
    if (out.length >= max) return out;
  }
  for (const [k, v] of actual) {
    if (!expected.has(k)) out.push(`${k}: unexpected ${v}`);
    if (out.length >= max) return out;
  }
  return out;
}

/** A count of the statuses in a verdict map, for the report. */
export function statusCounts(v: Verdicts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, s] of v) {
    const key = k.endsWith("|*") ? `municipality:${s}` : s;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
