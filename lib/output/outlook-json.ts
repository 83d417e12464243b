/** The JSON fields of docs/cli.md that docs/rules.md §3.6 adds, merged into the §3 document. */
import type { OutlookReport } from "../rules/outlook-report.ts";

interface CriterionDoc {
  readonly id: string;
}
interface MunicipalityDoc {
  readonly code: string;
  readonly criteria: readonly CriterionDoc[];
}
interface EvaluationDoc {
  readonly municipalities: readonly MunicipalityDoc[];
}

/**
 * The document with `asOf`, `benchmarks`, and per municipality `outlook` and `rank`, per
 * criterion `outlook`, `extraNeeded` and (overall criteria with group counts) `drivers`.
 */
export function withOutlook<T extends EvaluationDoc>(doc: T, report: OutlookReport) {
  const byCode = new Map(report.municipalities.map((m) => [m.code, m]));
  return {
    ...doc,
    asOf: report.asOf,
    municipalities: doc.municipalities.map((m) => {
      const r = byCode.get(m.code);
      const criteria = new Map(r?.criteria.map((c) => [c.criterion, c]));
      return {
        ...m,
        ...(r?.outlook ? { outlook: r.outlook } : {}),
        rank: r?.rank ?? {},
        criteria: m.criteria.map((c) => {
          const x = criteria.get(c.id);
          if (!x) return c;
          return {
            ...c,
            ...(x.outlook ? { outlook: x.outlook.outlook } : {}),
            extraNeeded: x.extraNeeded,
            ...(x.drivers ? { drivers: x.drivers } : {}),
            ...(x.outlook && !x.outlook.complete
              ? {
                  outlookDetail: {
                    decidingMonths: x.outlook.decidingMonths,
                    publishedBreaches: x.outlook.publishedBreaches,
                    remainingMonths: x.outlook.remainingMonths,
                    ...(x.whatItTakes ? { whatItTakes: x.whatItTakes } : {}),
                  },
                }
              : {}),
          };
        }),
      };
    }),
    benchmarks: report.benchmarks,
  };
}
