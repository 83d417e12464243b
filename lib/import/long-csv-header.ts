/**
 * The header of a long CSV (docs/data-format.md §1) mapped to column positions: each canonical column
 * found once, the required ones present, unknown ones ignored with a warning. Browser-safe.
 */
import { nearest } from "../domain/suggest.ts";
import { LONG_CSV_COLUMNS } from "../io/long-csv-writer.ts";
import { normalizeHeader } from "./sniff.ts";
import type { IssueCollector } from "./common.ts";

/** The columns of the canonical format, in their canonical order (one list for reader and writer). */
export const LONG_COLUMNS = LONG_CSV_COLUMNS;
export type LongColumn = (typeof LONG_COLUMNS)[number];

export const REQUIRED_LONG_COLUMNS: readonly LongColumn[] = ["municipality_code", "benefit_group", "measure", "month"];

const KNOWN = new Set<string>(LONG_COLUMNS);

/** Where each canonical column is (0-based field index, -1 when absent), and the header's cells. */
export interface LongHeader {
  readonly columns: Readonly<Record<LongColumn, number>>;
  /** The header's cells as written (trimmed), for messages. */
  readonly names: readonly string[];
  /** The header's line. */
  readonly line: number;
}

/** Maps the header's fields; reports problems to `issues` and returns null on any error. */
export function mapLongHeader(fields: readonly string[], line: number, issues: IssueCollector): LongHeader | null {
  const names = fields.map(normalizeHeader);
  const columns: Record<LongColumn, number> = {
    municipality_code: -1,
    municipality_name: -1,
    benefit_group: -1,
    measure: -1,
    month: -1,
    population: -1,
    without: -1,
    share_without: -1,
  };
  const errorsBefore = issues.errors.length;
  const unknownColumns: string[] = [];
  names.forEach((n, i) => {
    if (KNOWN.has(n)) {
      const k = n as LongColumn;
      if (columns[k] >= 0)
        issues.error({
          code: "duplicate-column",
          line,
          column: i + 1,
          columnName: n,
          value: fields[i]!,
          message: `column "${n}" appears twice in the header (also column ${columns[k] + 1})`,
        });
      else columns[k] = i;
    } else if (n !== "") unknownColumns.push(fields[i]!.trim());
  });
  for (const req of REQUIRED_LONG_COLUMNS) {
    if (columns[req] >= 0) continue;
    const near = nearest(
      req,
      names.filter((n) => !KNOWN.has(n) && n !== ""),
    );
    issues.error({
      code: "missing-column",
      line,
      columnName: req,
      message:
        `required column "${req}" is missing from the header` +
        (near ? ` (is "${near}" meant to be "${req}"?)` : "") +
        `; expected columns: ${LONG_COLUMNS.join(",")}`,
    });
  }
  if (unknownColumns.length) {
    const list = unknownColumns.join(", ");
    issues.warn({
      code: "ignored-columns",
      line,
      message:
        `ignoring column${unknownColumns.length === 1 ? "" : "s"} not in the canonical format: ` +
        (list.length > 200 ? `${list.slice(0, 200)}… (${unknownColumns.length} columns)` : list),
    });
  }
  if (issues.errors.length > errorsBefore) return null;
  return { columns, names: fields.map((f) => f.trim()), line };
}
