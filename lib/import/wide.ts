/**
 * Wide tables as Jobindsats shows them and as STAR pastes them into letters (docs/data-format.md §2):
 *
 * ```
 * Ishøj⇥⇥⇥
 * ⇥Andel personer, som har fået afholdt færre end 4 samtaler⇥⇥
 * ⇥September 2022⇥Oktober 2022⇥November 2022
 * Ydelsesgrupper i alt⇥45,6⇥34,4⇥45,2
 * A-dagpenge mv.⇥3,8⇥7,1⇥.
 * ```
 *
 * A title line naming the municipality, a line naming the measure, a header of months, then one
 * row per benefit group with shares (Danish decimal comma, `.` when suppressed). Values are shares
 * only: population and without are unknown (null).
 *
 * The text may hold several tables one after another (e.g. the conversation and the offer table
 * pasted together) and prose around them (the whole letter can be read): a table starts at a line
 * of month names and is told apart from prose by the measure line above it or a benefit-group row
 * below it; lines that belong to no table are ignored. Cells are separated by tabs; a paste where
 * tabs became runs of two or more spaces is read too. Browser-safe.
 */
import type { BenefitGroupId, Cell, Measure, Month } from "../domain/types.ts";
import type { Measurements } from "../domain/measurements.ts";
import type { IssueCode } from "../domain/issues.ts";
import { BENEFIT_GROUPS, resolveBenefitGroup } from "../domain/benefit-groups.ts";
import { MUNICIPALITIES, municipalityCodeByName } from "../domain/municipalities.ts";
import { parseMonth } from "../domain/month.ts";
import { nearest } from "../domain/suggest.ts";
import {
  IssueCollector,
  NotRequiredTracker,
  numericCellKey,
  parseShare,
  quoted,
  registerOrigins,
  type ImportOptions,
} from "./common.ts";

const DANISH_MONTHS: ReadonlyMap<string, number> = new Map([
  ["januar", 1],
  ["jan", 1],
  ["februar", 2],
  ["feb", 2],
  ["marts", 3],
  ["mar", 3],
  ["april", 4],
  ["apr", 4],
  ["maj", 5],
  ["juni", 6],
  ["jun", 6],
  ["juli", 7],
  ["jul", 7],
  ["august", 8],
  ["aug", 8],
  ["september", 9],
  ["sep", 9],
  ["sept", 9],
  ["oktober", 10],
  ["okt", 10],
  ["november", 11],
  ["nov", 11],
  ["december", 12],
  ["dec", 12],
]);

/**
 * A month as a wide-table header writes it: "September 2022", "sep. 2022" (Danish names and
 * abbreviations, any case), "2022M09" or "2022-09". Null when it is none of these.
 */
export function parseDanishMonth(text: string): Month | null {
  const t = text.trim();
  const m = /^([a-zæøå]+)\.?\s*(\d{4})$/i.exec(t);
  if (m) {
    const n = DANISH_MONTHS.get(m[1]!.toLowerCase());
    return n ? `${m[2]}-${String(n).padStart(2, "0")}` : null;
  }
  return parseMonth(t);
}

/** Cells of one line: split on tabs; without tabs, on runs of 2+ spaces (browser pastes). */
function splitCells(line: string): string[] {
  if (line.includes("\t")) return line.split("\t");
  const t = line.trim();
  return / {2,}|\u00a0{2,}/.test(t) ? t.split(/[ \u00a0]{2,}/) : [line];
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

interface MonthHeader {
  readonly months: Month[];
  /** Cell index of each month. */
  readonly columns: number[];
}

function monthHeader(cells: readonly string[]): MonthHeader | null {
  const months: Month[] = [];
  const columns: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i]!.trim();
    if (t === "") continue;
    const m = parseDanishMonth(t);
    if (!m) return null;
    months.push(m);
    columns.push(i);
  }
  return months.length ? { months, columns } : null;
}

function firstNonEmpty(cells: readonly string[]): number {
  return cells.findIndex((c) => c.trim() !== "");
}

function looksLikeValue(t: string): boolean {
  return /^(\d+([.,]\d+)?\s*%?|\.{1,2}|-)$/.test(t);
}

const MEASURE_LINE_MAX_DISTANCE = 6;
const LABEL_CANDIDATES = [...BENEFIT_GROUPS.map((g) => g.label), ...BENEFIT_GROUPS.map((g) => g.id as string)];
const MUNICIPALITY_NAMES = MUNICIPALITIES.map((m) => m.name);

/** The measure a measure line names, or an error message and its code. */
export function measureFromTitle(text: string): Measure | { error: string; code: IssueCode } {
  const samtale = /samtale/i.test(text);
  const tilbud = /tilbud/i.test(text);
  if (samtale && tilbud)
    return {
      code: "wide-ambiguous-measure",
      error: `the line ${quoted(text)} names both conversations (samtaler) and offers (tilbud); cannot tell which measure the table shows`,
    };
  if (!samtale && !tilbud)
    return {
      code: "wide-ambiguous-measure",
      error: `the line ${quoted(text)} names neither samtaler nor tilbud; cannot tell which measure the table shows`,
    };
  if (!/(^|[^a-zæøå])(ikke|færre|uden|under)([^a-zæøå]|$)/i.test(text)) {
    return {
      code: "wide-share-who-got",
      error:
        `the line ${quoted(text)} does not say "ikke", "færre end" or "uden": the table seems to show the share who DID get ` +
        `${samtale ? "the conversations" : "an offer"}, but the kit reads the share WITHOUT (andel uden indsats)`,
    };
  }
  return samtale ? "samtaler" : "tilbud";
}

export function parseWideTable(text: string, file: string, options: ImportOptions = {}): Measurements {
  const issues = new IssueCollector(file, options);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/).map(splitCells);
  const cells: Cell[] = [];
  const origin: number[] = [];
  const seen = new Map<number | string, number>();
  const names = new Map<string, string>();
  const notRequired = new NotRequiredTracker();
  let tables = 0;
  let lastConsumed = -1;

  for (let i = 0; i < lines.length && !issues.stopped; i++) {
    const header = monthHeader(lines[i]!);
    if (!header) continue;
    const lineNo = i + 1;

    // The block above the header: contiguous non-blank lines not used by a previous table.
    const block: number[] = [];
    for (let j = i - 1; j > lastConsumed && i - j <= MEASURE_LINE_MAX_DISTANCE && !isBlank(lines[j]!); j--)
      block.push(j);
    let measureAt = block.find((j) => /samtale|tilbud/i.test(lines[j]!.join(" ")));
    const next = lines[i + 1];
    const nextIsRow =
      next !== undefined && !isBlank(next) && resolveBenefitGroup(next[firstNonEmpty(next)] ?? "") !== null;
    if (measureAt === undefined && !nextIsRow) continue; // a date in prose, not a table
    tables++;
    // No line names a measure: take the nearest line above that is not the municipality as the
    // measure line, so the message quotes it.
    if (measureAt === undefined) {
      measureAt = block.find((j) => !lines[j]!.some((c) => c.trim() !== "" && municipalityCodeByName(c) !== null));
    }

    // Measure.
    let measure: Measure | null = null;
    if (measureAt === undefined) {
      issues.error({
        code: "wide-no-measure-line",
        line: lineNo,
        message:
          'no line naming the measure above the months (e.g. "Andel personer, som har fået afholdt færre end 4 samtaler" or "… som ikke har fået 1 tilbud")',
      });
    } else {
      const title = lines[measureAt]!.map((c) => c.trim())
        .filter((c) => c !== "")
        .join(" ");
      const m = measureFromTitle(title);
      if (typeof m === "string") measure = m;
      else
        issues.error({
          line: measureAt + 1,
          column: firstNonEmpty(lines[measureAt]!) + 1,
          value: title,
          code: m.code,
          message: m.error,
        });
    }

    // Municipality: the nearest other line of the block that names one.
    let code: string | null = null;
    let name = "";
    const titleLines = block.filter((j) => j !== measureAt);
    // The whole line, or else one of its cells ("Ishøj⇥sep.–nov. 2022").
    search: for (const j of titleLines) {
      const cellsOfLine = lines[j]!.map((c) => c.trim()).filter((c) => c !== "");
      for (const t of [cellsOfLine.join(" "), ...cellsOfLine]) {
        const c = municipalityCodeByName(t);
        if (c) {
          code = c;
          name = t;
          break search;
        }
      }
    }
    if (code === null) {
      if (titleLines.length) {
        const j = titleLines[titleLines.length - 1]!; // the topmost line: where the title stands
        const t = lines[j]!.map((c) => c.trim())
          .filter((c) => c !== "")
          .join(" ");
        const s = nearest(t.replace(/\s+kommune$/i, ""), MUNICIPALITY_NAMES);
        issues.error({
          line: j + 1,
          column: firstNonEmpty(lines[j]!) + 1,
          value: t,
          code: "unknown-municipality",
          message: `unknown municipality ${quoted(t)}${s ? `; did you mean "${s}"?` : ""} (the line above the table must name the municipality)`,
        });
      } else {
        issues.error({
          code: "wide-no-municipality-line",
          line: (measureAt ?? i) + 1,
          message:
            'no line naming the municipality above the table (expected e.g. "Ishøj" on the line before the measure)',
        });
      }
    } else if (!names.has(code)) names.set(code, name);

    // Months: no repeats.
    const monthSeen = new Map<Month, number>();
    header.months.forEach((m, k) => {
      const prev = monthSeen.get(m);
      if (prev !== undefined)
        issues.error({
          line: lineNo,
          column: header.columns[k]! + 1,
          value: lines[i]![header.columns[k]!]!.trim(),
          code: "wide-duplicate-month",
          message: `month ${m} appears twice in the header (also column ${prev + 1})`,
        });
      else monthSeen.set(m, header.columns[k]!);
    });

    // Rows.
    const h0 = header.columns[0]!;
    const lastOffset = header.columns[header.columns.length - 1]! - h0;
    let k = i + 1;
    for (; k < lines.length && !issues.stopped; k++) {
      const row = lines[k]!;
      if (isBlank(row) || monthHeader(row)) break;
      const L = firstNonEmpty(row);
      const label = row[L]!.trim();
      const rest = row.slice(L + 1).map((c) => c.trim());
      const group: BenefitGroupId | null = resolveBenefitGroup(label);
      if (group === null) {
        const values = rest.filter((c) => c !== "");
        // A line without figures ends the table (the next table's title, or prose).
        if (values.length === 0 || !values.every(looksLikeValue)) break;
        const s = nearest(label, LABEL_CANDIDATES);
        issues.error({
          line: k + 1,
          column: L + 1,
          value: label,
          code: "unknown-group",
          message: `unknown benefit group ${quoted(label)}${s ? `; did you mean "${s}"?` : ""}`,
        });
        continue;
      }
      for (let c = L + 2 + lastOffset; c < row.length; c++) {
        if (row[c]!.trim() !== "") {
          issues.error({
            line: k + 1,
            column: c + 1,
            value: row[c]!.trim(),
            code: "wide-too-many-values",
            message: `more values than months in the header (line ${lineNo} has ${header.months.length})`,
          });
          break;
        }
      }
      header.months.forEach((month, j) => {
        const col = L + 1 + (header.columns[j]! - h0);
        const raw = (row[col] ?? "").trim();
        const r = parseShare(raw);
        if (typeof r === "string") {
          issues.error({
            line: k + 1,
            column: col + 1,
            columnName: lines[i]![header.columns[j]!]!.trim(),
            value: raw,
            code: "bad-share",
            message: `share ${quoted(raw)} ${r}`,
          });
          return;
        }
        if (code === null || measure === null) return;
        const key = numericCellKey(code, group, measure, month);
        const prev = seen.get(key);
        if (prev !== undefined) {
          issues.error({
            line: k + 1,
            column: col + 1,
            columnName: lines[i]![header.columns[j]!]!.trim(),
            value: raw,
            code: "duplicate-row",
            message: `duplicate: municipality ${code}, ${group}, ${measure}, ${month} is already given on line ${prev}`,
          });
          return;
        }
        seen.set(key, k + 1);
        notRequired.note(group, measure, k + 1);
        cells.push({
          municipalityCode: code,
          benefitGroup: group,
          measure,
          month,
          population: null,
          without: null,
          shareWithout: r,
        });
        origin.push(k + 1);
      });
    }
    if (k === i + 1)
      issues.warn({ code: "wide-no-rows", line: lineNo, message: "the table has no rows below its months" });
    lastConsumed = k - 1;
    i = k - 1;
  }

  if (tables === 0 && issues.errors.length === 0) {
    issues.error({
      code: "no-table",
      line: null,
      message:
        'no table found: expected the long CSV of docs/data-format.md §1 (header "municipality_code,benefit_group,measure,month,…") ' +
        'or a Jobindsats table with a line of months such as "September 2022"',
    });
  }
  notRequired.flush(issues, null, null);
  issues.throwIfErrors();
  const result: Measurements = { cells, names, warnings: issues.warnings };
  return registerOrigins(result, { files: [file], fileIndex: null, lines: origin });
}
