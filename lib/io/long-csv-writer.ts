/** Writes cells as the canonical long CSV of docs/data-format.md §1 (UTF-8, comma, one header row). */
import type { Cell } from "../domain/types.ts";
import { formatDecimal } from "../domain/decimal.ts";
import { municipalityByCode } from "../domain/municipalities.ts";

export const LONG_CSV_COLUMNS = [
  "municipality_code",
  "municipality_name",
  "benefit_group",
  "measure",
  "month",
  "population",
  "without",
  "share_without",
] as const;

/** Quotes a field only when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function longCsvRow(cell: Cell, name?: string): string {
  return [
    cell.municipalityCode,
    csvField(name ?? municipalityByCode(cell.municipalityCode)?.name ?? ""),
    cell.benefitGroup,
    cell.measure,
    cell.month,
    cell.population === null ? "" : String(cell.population),
    cell.without === null ? "" : String(cell.without),
    cell.shareWithout === null ? "" : formatDecimal(cell.shareWithout),
  ].join(",");
}

/** The whole file, header first, rows in the given order, each line ending in "\n". */
export function writeLongCsv(cells: Iterable<Cell>, names?: ReadonlyMap<string, string>): string {
  const lines = [LONG_CSV_COLUMNS.join(",")];
  for (const c of cells) lines.push(longCsvRow(c, names?.get(c.municipalityCode)));
  return lines.join("\n") + "\n";
}
