/**
 * Problems found in user input. Every issue names where it is (file, line, column, value) so a
 * user can fix it; a file with any error is rejected whole.
 */

/**
 * What an issue is, given where it is created; the Danish texts of the browser are keyed by it
 * (lib/explain/issue-messages.ts), the English `message` is the CLI's.
 */
export const ISSUE_CODES = [
  "empty-file",
  "duplicate-column",
  "missing-column",
  "ignored-columns",
  "field-count",
  "unknown-municipality",
  "unknown-group",
  "unknown-measure",
  "bad-month",
  "bad-population",
  "bad-without",
  "without-above-population",
  "bad-share",
  "share-without-population",
  "share-disagrees",
  "too-many-rows",
  "name-mismatch",
  "duplicate-row",
  "duplicate-across-inputs",
  "no-data-rows",
  "unclosed-quote",
  "not-utf8",
  "not-required",
  "too-many-errors",
  "more-of-kind",
  "cannot-read",
  "wide-no-measure-line",
  "wide-ambiguous-measure",
  "wide-share-who-got",
  "wide-no-municipality-line",
  "wide-duplicate-month",
  "wide-too-many-values",
  "wide-no-rows",
  "no-table",
  "supervision-header",
  "supervision-field-count",
  "supervision-unknown-municipality",
  "supervision-bad-month",
  "supervision-ends-before-start",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface InputIssue {
  readonly code: IssueCode;
  readonly severity: "error" | "warning";
  /** File name as the user gave it (or "<paste>" for pasted text). */
  readonly file: string;
  /** 1-based physical line number, or null when the issue concerns the whole file. */
  readonly line: number | null;
  /** 1-based column (field) number, or null. */
  readonly column: number | null;
  /** Column name from the header, when known. */
  readonly columnName: string | null;
  /** The offending value as written, or null. */
  readonly value: string | null;
  readonly message: string;
}

/** Longest value quoted in a message; a longer one is cut with "…" and its length. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * A value as it may be quoted in a message: at most MAX_QUOTED_LENGTH characters (a 16 MB field
 * must not become a 16 MB message line), the cut said with "…" and the full length.
 */
export function clipValue(value: string, max = MAX_QUOTED_LENGTH): string {
  if (value.length <= max) return value;
  return `${value.slice(0, max)}… (${value.length.toLocaleString("en-US")} characters)`;
}

/**
 * Text safe to print on a terminal: C0 control characters (except line break, tab and carriage
 * return), DEL and the C1 range are shown as \u escapes, so text from an input file or a server
 * cannot move the cursor, recolour or retitle the terminal.
 */
export function escapeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, controlEscape);
}

/** escapeTerminal for one value: also its line breaks, tabs and carriage returns. */
function escapeValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, controlEscape);
}

function controlEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** `file:line:column: error: message (column "x", value "y")` — one line, grep-able. */
export function formatIssue(issue: InputIssue): string {
  const where = [issue.file, issue.line ?? "", issue.column ?? ""].filter((x) => x !== "").join(":");
  const details: string[] = [];
  if (issue.columnName !== null) details.push(`column "${escapeValue(clipValue(issue.columnName))}"`);
  if (issue.value !== null) details.push(`value "${escapeValue(clipValue(issue.value))}"`);
  const tail = details.length ? ` (${details.join(", ")})` : "";
  return `${escapeValue(where)}: ${issue.severity}: ${escapeValue(issue.message)}${tail}`;
}

/** Thrown when input is rejected; carries every error found (up to a cap) and the warnings. */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  /** True when reading stopped at the error cap: there may be more errors than `issues` holds. */
  readonly truncated: boolean;
  constructor(issues: readonly InputIssue[], truncated = false) {
    const errors = issues.filter((i) => i.severity === "error");
    const head = errors.slice(0, 1).map(formatIssue).join("");
    super(`${errors.length}${truncated ? "+" : ""} error(s) in input; first: ${head}`);
    this.name = "InputError";
    this.issues = issues;
    this.truncated = truncated;
  }
}

/**
 * How many errors an InputError stands for, never understated: "3 errors", or "at least 50
 * errors (stopped reading)" when reading stopped at the cap.
 */
export function rejectionSummary(e: InputError): string {
  const n = e.issues.filter((i) => i.severity === "error").length;
  if (e.truncated) return `at least ${n} error${n === 1 ? "" : "s"} (stopped reading)`;
  return `${n} error${n === 1 ? "" : "s"}`;
}
