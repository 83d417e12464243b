/**
 * Problems found in user input. Every issue names where it is (file, line, column, value) so a
 * user can fix it; a file with any error is rejected whole.
 */

export interface InputIssue {
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

/** `file:line:column: error: message (column "x", value "y")` — one line, grep-able. */
export function formatIssue(issue: InputIssue): string {
  const where = [issue.file, issue.line ?? "", issue.column ?? ""].filter((x) => x !== "").join(":");
  const details: string[] = [];
  if (issue.columnName !== null) details.push(`column "${issue.columnName}"`);
  if (issue.value !== null) details.push(`value "${issue.value}"`);
  const tail = details.length ? ` (${details.join(", ")})` : "";
  return `${where}: ${issue.severity}: ${issue.message}${tail}`;
}

/** Thrown when input is rejected; carries every error found (up to a cap) and the warnings. */
export class InputError extends Error {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[], truncated = false) {
    const errors = issues.filter((i) => i.severity === "error");
    const head = errors.slice(0, 1).map(formatIssue).join("");
    super(`${errors.length}${truncated ? "+" : ""} error(s) in input; first: ${head}`);
    this.name = "InputError";
    this.issues = issues;
  }
}
