/**
 * The outlook (docs/rules.md §3.6) of every municipality without traces, for counts that must repaint at
 * once (the overview's "I risiko nu" card, the bench): two runs of the status kernel, so the same
 * clauses as evaluate(). test/outlook.test.ts holds it equal to outlookReport().
 *
 * 1. The window with the months after asOf unknown (the request's asOf): §3.3 clauses 1–2 give
 *    `safe` (not-covered / compliant); a complete window gives the verdict itself.
 * 2. For what is left (insufficient-data), whether any published month has a share: the published
 *    months under a limit of 100 % — clause 2 then holds exactly when some month has a share.
 */
import type { Month } from "../domain/types.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import { statusAt, verdictStatuses, STATUS_ORDER } from "./fast-verdicts.ts";
import type { EvaluationRequest } from "./request.ts";
import { isPublished, type Outlook } from "./outlook.ts";
import { windowIncomplete } from "./outlook-report.ts";

export interface OutlookMatrix {
  readonly codes: readonly string[];
  readonly criteria: readonly string[];
  /** codes.length × criteria.length, row-major; null = criterion not evaluated. */
  readonly criterion: readonly (Outlook | null)[];
  readonly municipality: readonly Outlook[];
}

/** §3.6 per municipality and criterion, as of `asOf` (trigger mode only). */
export function outlookStatuses(index: MeasurementIndex, req: EvaluationRequest, asOf: Month | null): OutlookMatrix {
  const masked = verdictStatuses(index, asOf === null ? req : { ...req, asOf });
  const n = masked.criteria.length;
  if (!windowIncomplete(req.window, asOf)) {
    return {
      codes: masked.codes,
      criteria: masked.criteria,
      criterion: [...masked.criterion].map((s) => (s < 0 ? null : STATUS_ORDER[s]!)),
      municipality: masked.codes.map((_, row) => statusAt(masked, row)),
    };
  }
  const published = req.window.filter((m) => isPublished(m, asOf));
  const known = published.length
    ? verdictStatuses(index, {
        ...req,
        window: published,
        followUp: { ...req.followUp, threshold: 0 },
        restoration: { ...req.restoration, limit: 100 },
      })
    : null;
  const criterion: (Outlook | null)[] = [];
  const municipality: Outlook[] = [];
  masked.codes.forEach((_, row) => {
    let atRisk = false;
    let noData = false;
    let any = false;
    for (let k = 0; k < n; k++) {
      const s = masked.criterion[row * n + k]!;
      if (s < 0) {
        criterion.push(null);
        continue;
      }
      any = true;
      const status = STATUS_ORDER[s]!;
      let o: Outlook;
      if (status === "compliant" || status === "not-covered") o = "safe";
      else if (known && STATUS_ORDER[known.criterion[row * n + k]!] === "compliant") o = "at-risk";
      else o = "no-data-yet";
      atRisk ||= o === "at-risk";
      noData ||= o === "no-data-yet";
      criterion.push(o);
    }
    municipality.push(!any ? "not-covered" : atRisk ? "at-risk" : noData ? "no-data-yet" : "safe");
  });
  return { codes: masked.codes, criteria: masked.criteria, criterion, municipality };
}

/** How many municipalities have each outlook. */
export function countOutlooks(m: OutlookMatrix): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of m.municipality) out[o] = (out[o] ?? 0) + 1;
  return out;
}
