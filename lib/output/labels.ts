/** Danish labels of UI.md, shared by the CLI's text output and the site. */
import type { CriterionStatus } from "../rules/trace.ts";

export const STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  flagged: "Udpeget (handlekriterium opfyldt)",
  compliant: "Lever op til kravet",
  "not-covered": "Ikke omfattet (under 10 borgere)",
  "insufficient-data": "Utilstrækkelige data",
  exempted: "Undtaget",
  restored: "Genoprettet",
  "not-restored": "Ikke genoprettet",
  "not-under-restoration": "Ikke under genopretning",
};

/** Short symbols so a verdict is never told by colour alone. */
export const STATUS_SYMBOLS: Readonly<Record<CriterionStatus, string>> = {
  flagged: "✖",
  compliant: "✔",
  "not-covered": "○",
  "insufficient-data": "?",
  exempted: "◐",
  restored: "✔",
  "not-restored": "✖",
  "not-under-restoration": "–",
};

export const CRITERION_LABELS: Readonly<Record<string, string>> = {
  samtaler: "Samtaler (mindst 4)",
  tilbud: "Tilbud (mindst 1)",
};

export const EXEMPTION_LABELS: Readonly<Record<string, string>> = {
  "enhanced-supervision": "Kan undtages: skærpet tilsyn",
  "positive-trend": "Kan undtages: stadig forbedring",
};

export const SYNTHETIC_BANNER = "SYNTETISKE DATA — ikke rigtige tal fra Jobindsats";
