/**
 * The user-editable list of municipalities under enhanced supervision (skærpet tilsyn):
 * `municipality_code,from,to`, months as YYYY-MM. Validated like every other input.
 */
import { parseCsv } from "../import/csv.ts";
import { parseMonth, monthIndex } from "../domain/month.ts";
import { municipalityByCode } from "../domain/municipalities.ts";
import { InputError, type InputIssue, type IssueCode } from "../domain/issues.ts";
import type { SupervisionEntry } from "../rules/parameters.ts";

export const SUPERVISION_COLUMNS = ["municipality_code", "from", "to"] as const;

export function parseSupervision(text: string, file: string): SupervisionEntry[] {
  const issues: InputIssue[] = [];
  const error = (
    code: IssueCode,
    line: number | null,
    column: number | null,
    columnName: string | null,
    value: string | null,
    message: string,
  ) => issues.push({ code, severity: "error", file, line, column, columnName, value, message });
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = records[0]?.fields.map((f) => f.trim().toLowerCase());
  if (!header || header.join(",") !== SUPERVISION_COLUMNS.join(",")) {
    error(
      "supervision-header",
      records[0]?.line ?? 1,
      1,
      null,
      records[0]?.fields.join(",") ?? "",
      `the header must be ${SUPERVISION_COLUMNS.join(",")}`,
    );
    throw new InputError(issues);
  }
  const entries: SupervisionEntry[] = [];
  for (const { fields, line } of records.slice(1)) {
    if (fields.length === 1 && fields[0]!.trim() === "") continue;
    if (fields.length !== 3) {
      error("supervision-field-count", line, null, null, fields.join(","), `expected 3 fields, found ${fields.length}`);
      continue;
    }
    const [code, fromText, toText] = fields.map((f) => f.trim()) as [string, string, string];
    if (!municipalityByCode(code))
      error("supervision-unknown-municipality", line, 1, "municipality_code", code, "unknown municipality code");
    const from = parseMonth(fromText);
    const to = parseMonth(toText);
    if (!from) error("supervision-bad-month", line, 2, "from", fromText, "not a month (YYYY-MM)");
    if (!to) error("supervision-bad-month", line, 3, "to", toText, "not a month (YYYY-MM)");
    if (from && to && monthIndex(to) < monthIndex(from))
      error("supervision-ends-before-start", line, 3, "to", toText, `ends before it starts (${from})`);
    if (from && to) entries.push({ municipalityCode: code, from, to });
  }
  if (issues.length) throw new InputError(issues);
  return entries;
}
