/** The standard windows of each rule set's calendar (RULES.md §3.1, §4.1), as periods. */
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
  return window.map((m) => addMonths(m, steps * calendarStep(ruleSet)));
}
