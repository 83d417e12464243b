/**
 * A deliberately simple approximation of the opfoelgning-2024 verdict (RULES.md §3.3, overall
 * aggregation on the `alle` rows only, threshold 80, minimum population 10), used only to check
 * and document the calibration of the synthetic data. It is NOT the rules engine (lib/rules/),
 * which is the authority on verdicts.
 */
import type { Cell, Measure, Month } from "../domain/types.ts";

export type ApproxStatus = "flagged" | "compliant" | "not-covered" | "insufficient-data";

export interface ApproxResult {
  readonly code: string;
  readonly status: ApproxStatus;
  readonly criteria: Readonly<Record<Measure, ApproxStatus>>;
  /** Per criterion: the share without strictly falls month to month (exact on counts). */
  readonly positiveTrend: Readonly<Record<Measure, boolean>>;
}

function criterion(cells: readonly (Cell | undefined)[]): ApproxStatus {
  if (cells.some((c) => c?.population != null && c.population < 10)) return "not-covered";
  if (cells.some((c) => c?.population != null && c.without != null && 5 * c.without <= c.population)) return "compliant";
  if (cells.some((c) => c?.population == null || c.without == null)) return "insufficient-data";
  return "flagged";
}

function fallingStrictly(cells: readonly (Cell | undefined)[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (a?.population == null || a.without == null || b?.population == null || b.without == null) return false;
    // a.W/a.P > b.W/b.P, cross-multiplied
    if (!(a.without * b.population > b.without * a.population)) return false;
  }
  return true;
}

/** Approximate statuses of every municipality in `cells` over the window `months`. */
export function approximateVerdicts(cells: readonly Cell[], months: readonly Month[]): ApproxResult[] {
  const index = new Map<string, Cell>();
  const codes: string[] = [];
  for (const c of cells) {
    if (!codes.includes(c.municipalityCode)) codes.push(c.municipalityCode);
    if (c.benefitGroup === "alle") index.set(`${c.municipalityCode}|${c.measure}|${c.month}`, c);
  }
  return codes.map((code) => {
    const row = (m: Measure) => months.map((month) => index.get(`${code}|${m}|${month}`));
    const criteria = { samtaler: criterion(row("samtaler")), tilbud: criterion(row("tilbud")) };
    const positiveTrend = { samtaler: fallingStrictly(row("samtaler")), tilbud: fallingStrictly(row("tilbud")) };
    const v = Object.values(criteria);
    const status: ApproxStatus = v.includes("flagged")
      ? "flagged"
      : v.includes("insufficient-data")
        ? "insufficient-data"
        : v.includes("compliant")
          ? "compliant"
          : "not-covered";
    return { code, status, criteria, positiveTrend };
  });
}
