/**
 * The figures of one criterion in one month (RULES.md §3.2): a group's own row, or the aggregate
 * of several groups — the `alle` row when the input has one, else ΣW / ΣP over the group rows.
 */
import type { BenefitGroupId, Measure, Month } from "../domain/types.ts";
import type { MeasurementIndex, RowValues } from "./measurement-index.ts";
import { shareFromCounts, shareRounded, type Share } from "./share.ts";
import type { MonthSource } from "./trace.ts";

/** A month's figures before any limit is applied. */
export interface MonthFigures {
  readonly month: Month;
  readonly population: number | null;
  readonly without: number | null;
  readonly share: Share | null;
  readonly shareWithout: number | null;
  readonly source: MonthSource;
  readonly populationIsLowerBound: boolean;
  readonly groupsWithoutCounts: readonly BenefitGroupId[];
}

function hasCounts(r: RowValues): boolean {
  return r.population !== null && r.without !== null;
}

/** Counts give the exact share; a published share is used only when counts are missing. */
function rowShare(r: RowValues): Share | null {
  if (hasCounts(r)) return shareFromCounts(r.without!, r.population!);
  return r.share;
}

function figures(month: Month, r: RowValues, source: MonthSource): MonthFigures {
  const share = r.present ? rowShare(r) : null;
  return {
    month,
    population: r.population,
    without: r.without,
    share,
    shareWithout: share ? shareRounded(share) : null,
    source: r.present ? source : "none",
    populationIsLowerBound: false,
    groupsWithoutCounts: [],
  };
}

/** A single group's own row (per-group criteria, the 2020 model). */
export function groupMonth(index: MeasurementIndex, code: string, group: BenefitGroupId, measure: Measure, month: Month): MonthFigures {
  return figures(month, index.row(code, group, measure, month), "row");
}

/**
 * The aggregate over `groups`. (decision) An `alle` row takes precedence when it carries a share
 * or counts; a fully suppressed `alle` row falls back to summing, which loses nothing. Group rows
 * absent from the input contribute nothing (no such persons); a present row without counts makes
 * the sum partial: its population is then only a lower bound, and the trace names the groups.
 */
export function aggregateMonth(
  index: MeasurementIndex,
  code: string,
  groups: readonly BenefitGroupId[],
  measure: Measure,
  month: Month,
): MonthFigures {
  const alle = index.row(code, "alle", measure, month);
  if (alle.present && (alle.share !== null || hasCounts(alle))) return figures(month, alle, "alle-row");

  let population = 0;
  let without = 0;
  let withCounts = 0;
  const lacking: BenefitGroupId[] = [];
  for (const g of groups) {
    const r = index.row(code, g, measure, month);
    if (!r.present) continue;
    if (hasCounts(r)) {
      population += r.population!;
      without += r.without!;
      withCounts++;
    } else lacking.push(g);
  }
  if (withCounts === 0) {
    return {
      month,
      population: null,
      without: null,
      share: null,
      shareWithout: null,
      source: "none",
      populationIsLowerBound: false,
      groupsWithoutCounts: lacking,
    };
  }
  const share = shareFromCounts(without, population);
  return {
    month,
    population,
    without,
    share,
    shareWithout: share ? shareRounded(share) : null,
    source: lacking.length ? "partial-sum" : "sum",
    populationIsLowerBound: lacking.length > 0,
    groupsWithoutCounts: lacking,
  };
}
