/** The standard windows of each rule set's calendar (docs/rules.md §3.1, §4.1), as periods. */
import type { Month } from "../domain/types.ts";
import { addMonths, monthIndex, monthRange, type Period } from "../domain/month.ts";
import { RULE_SETS, type RuleSetId } from "./parameters.ts";

export interface StandardPeriod extends Period {
  /** The month STAR assesses the window in. */
  readonly assessed: Month;
}

const WINDOW_MONTHS: Readonly<Record<RuleSetId, number>> = { "opfoelgning-2024": 6, "genopretning-2020": 3 };

/** Every standard window of `ruleSet` whose months all lie within [from, to], oldest first. */
export function standardPeriods(
  ruleSet: RuleSetId,
  from: Month,
  to: Month,
  windowMonths = WINDOW_MONTHS[ruleSet],
): StandardPeriod[] {
  const out: StandardPeriod[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    RULE_SETS[ruleSet].calendar.forEach((w, k) => {
      const first = `${year}-${String(w.startMonth).padStart(2, "0")}`;
      const last = addMonths(first, windowMonths - 1);
      if (monthIndex(first) < monthIndex(from) || monthIndex(last) > monthIndex(to)) return;
      const halfYear = ruleSet === "opfoelgning-2024" && windowMonths === 6 ? { year, half: (k + 1) as 1 | 2 } : null;
      out.push({
        label: halfYear ? `${year}H${halfYear.half}` : `${first}..${last}`,
        months: monthRange(first, last),
        halfYear,
        assessed: addMonths(last, w.assessedAfter),
      });
    });
  }
  return out.sort((a, b) => monthIndex(a.months[0]!) - monthIndex(b.months[0]!));
}

/**
 * Months between two assessments of a rule set's calendar (12 / windows per year): the 2020
 * model assesses in August and February, so a window's follow-up is six months later.
 */
export function calendarStep(ruleSet: RuleSetId): number {
  return 12 / RULE_SETS[ruleSet].calendar.length;
}

/** The window `steps` assessments later (negative: earlier): the same months shifted. */
export function shiftWindow(ruleSet: RuleSetId, window: readonly Month[], steps: number): Month[] {
  return [...shiftedWindow(ruleSet, window, steps * calendarStep(ruleSet)).months];
}

/** A window of the 2020 process and the month STAR assesses it in. */
export interface AssessedWindow {
  readonly months: readonly Month[];
  /** Null when the window is not one of the calendar's standard windows. */
  readonly assessed: Month | null;
}

/**
 * The window `shift` months after (negative: before) `window`, with its assessment month: in the
 * 2020 model the follow-up of Sep–Nov is the next Mar–May, assessed in August (docs/rules.md §4).
 */
export function shiftedWindow(ruleSet: RuleSetId, window: readonly Month[], shift: number): AssessedWindow {
  const first = addMonths(window[0]!, shift);
  const months = monthRange(first, addMonths(first, window.length - 1));
  const standard = RULE_SETS[ruleSet].calendar.find((w) => Number(first.slice(5, 7)) === w.startMonth);
  const assessed =
    standard && window.length === WINDOW_MONTHS[ruleSet]
      ? addMonths(months[months.length - 1]!, standard.assessedAfter)
      : null;
  return { months, assessed };
}

/** Calendar days after an ISO date ("2023-02-20" + 15 → "2023-03-07"), in UTC so no time zone shifts it. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return addDays(text, 0) === text;
}
