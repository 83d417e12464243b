/**
 * Helpers for views of the rules (the site, and the CLI where it shows the same thing): view state
 * from the URL, the municipality page, what-if sweeps, letters, the overview's heatmap rows and
 * the command that reproduces a view. Framework-free, like the engine (lib/index.ts).
 */
export {
  DEFAULT_MIN_POPULATION,
  DEFAULT_THRESHOLD,
  parseViewState,
  type SortOrder,
  type StateNote,
  VIEW_PARAMETERS,
  viewRequest,
  type ViewState,
  viewStateSearch,
} from "./state.ts";
export { evaluateArgs, evaluateCommand, shellWord } from "./command.ts";
export {
  type HistoryRow,
  type MonthlyPanel,
  monthlyPanels,
  municipalityIndex,
  municipalityMeasurements,
  municipalityTimeline,
  municipalityVerdict,
  requestFor,
  type RuleSetHistory,
  verdictHistory,
} from "./municipality.ts";
export {
  flaggedStatusOf,
  type SweepPoint,
  sweepThresholds,
  thresholdRange,
  type VerdictFlip,
  verdictFlips,
} from "./whatif.ts";
export {
  type CellSource,
  chooseLetterKind,
  type Letter,
  LETTER_KIND_CHOICES,
  type LetterBlock,
  letterDocument,
  letterFor,
  letterHtml,
  type LetterKindChoice,
  letterKindFor,
  type LetterOptions,
  type LetterSectionKind,
  type LetterTable,
  letterText,
  needsLetter,
  PLAN_MAX_MONTHS,
} from "./letters.ts";
export { type HeatmapCell, heatmapMonths, type HeatmapRow, heatmapRows } from "./overview.ts";
export {
  type AtRiskCriterion,
  type AtRiskMunicipality,
  asOfChoices,
  benchmarkLines,
  type CalendarMonth,
  defaultAsOfFor,
  halfYearOf,
  halfYearsWithData,
  type OutlookCalendar,
  outlookCalendar,
  type OutlookView,
  outlookView,
  parseAsOf,
  runningAsOf,
  TYPICAL_PUBLICATION_LAG_MONTHS,
} from "./outlook.ts";
