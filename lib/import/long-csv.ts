/**
 * The canonical long CSV of docs/data-format.md §1: one row per (municipality, group, measure, month).
 * Browser-safe. Every problem is reported with file, line, column and value; any error rejects
 * the whole file (InputError), so nothing is half-loaded.
 */
import type { BenefitGroupId, Decimal, Measure, Month } from "../domain/types.ts";
import { columnarMeasurements, decimalExponent, MeasurementColumns } from "../domain/columns.ts";
import { BENEFIT_GROUP_IDS, MEASURES } from "../domain/types.ts";
import type { Measurements } from "../domain/measurements.ts";
import type { InputIssue } from "../domain/issues.ts";
import { BENEFIT_GROUPS, isRequired, resolveBenefitGroup } from "../domain/benefit-groups.ts";
import { MUNICIPALITIES, municipalityByCode, municipalityCodeByName } from "../domain/municipalities.ts";
import { monthIndex, parseMonth } from "../domain/month.ts";
import { nearest } from "../domain/suggest.ts";
import { detectSeparator, scanCsvRecords, type Separator } from "./csv.ts";
import {
  COUNT_INVALID,
  COUNT_UNKNOWN,
  countProblem,
  countsAgreeWithShare,
  disagreementMessage,
  IssueCollector,
  NotRequiredTracker,
  parseCount,
  parseShare,
  registerOrigins,
  shareAllowedForEmptyPopulation,
  type ImportOptions,
  type ShareResult,
} from "./common.ts";
import { LONG_CSV_COLUMNS } from "../io/long-csv-writer.ts";

/** The columns of the canonical format, in their canonical order (one list for reader and writer). */
export const LONG_COLUMNS = LONG_CSV_COLUMNS;
export type LongColumn = (typeof LONG_COLUMNS)[number];

export const REQUIRED_LONG_COLUMNS: readonly LongColumn[] = ["municipality_code", "benefit_group", "measure", "month"];

const KNOWN = new Set<string>(LONG_COLUMNS);

/** Whether a header line (raw text) looks like the long format: it names one of its columns. */
export function looksLikeLongHeader(headerLine: string): boolean {
  const sep = detectSeparator(headerLine);
  return headerLine.split(sep).some((f) => KNOWN.has(normalizeHeader(f)));
}

function normalizeHeader(f: string): string {
  let t = f.trim();
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1).trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).replace(/""/g, '"').trim();
  return t.toLowerCase();
}

/** Suggestion candidates for an unknown benefit group: ids first, then Jobindsats labels. */
const GROUP_CANDIDATES = [...BENEFIT_GROUPS.map((g) => g.id as string), ...BENEFIT_GROUPS.map((g) => g.label)];

function didYouMean(value: string, candidates: readonly string[]): string {
  const s = nearest(value.trim(), candidates);
  return s ? `; did you mean "${s}"?` : "";
}

export function parseLongCsv(text: string, file: string, options: ImportOptions = {}): Measurements {
  const parser = longCsvParser(file, options);
  parser.push(text, true);
  return parser.finish();
}

/**
 * A long-CSV parser fed with text in pieces (e.g. decoded 16 KB chunks of a file), so the whole
 * text is never held at once. A piece may end anywhere — inside a record, a quoted field, a CRLF;
 * the incomplete rest is carried to the next piece. Rows go into typed columns
 * (MeasurementColumns). Feeding one piece with `final` true is parseLongCsv.
 */
export interface LongCsvParser {
  /** Parses `text` (the next piece); `final` on the last piece. Never throws: see finish(). */
  push(text: string, final: boolean): void;
  /** True once reading stopped (header errors, the error cap, a syntax error): further text is ignored. */
  readonly stopped: boolean;
  /** Data rows kept so far. */
  readonly rows: number;
  /** Makes room for `rows` rows in total (sizing from the file size saves the doubling's copies). */
  reserve(rows: number): void;
  /** The result after the final piece; throws InputError with every error and warning. */
  finish(): Measurements;
}

export function longCsvParser(file: string, options: ImportOptions = {}): LongCsvParser {
  const issues = new IssueCollector(file, options);
  /**
   * 0: reading the header; 1: reading data rows; 2: stopped by an error in the header;
   * 3: stopped while reading rows.
   */
  let state = 0;
  let buf = "";
  let bufPos = 0;
  let line = 1;

  let sep: Separator = ",";
  let head: string[] = [];
  let width = 0;
  let headerLine = 1;
  let cCode = -1;
  let cName = -1;
  let cGroup = -1;
  let cMeasure = -1;
  let cMonth = -1;
  let cPop = -1;
  let cWithout = -1;
  let cShare = -1;

  // --- Per-parse caches: the same few strings repeat on every row, so each distinct raw value is
  // resolved once. Each entry carries a small index used to build a numeric duplicate key. ---
  const codeCache = new Map<string, CodeEntry | null>();
  const groupCache = new Map<string, GroupEntry | null>();
  const monthCache = new Map<string, MonthEntry | null>();
  const shareCache = new Map<string, ShareResult>();
  const nameCache = new Map<string, string | null>();
  const nameWarned = new Set<string>();
  let keys = new Float64Array(1024);
  let nKeys = 0;
  const cols = new MeasurementColumns(1024);
  const namesByCode = new Map<string, string>();
  const notRequired = new NotRequiredTracker();
  let dataRows = 0;

  /** Reads the header once its record is complete; false while more text is needed. */
  const readHeader = (text: string, final: boolean): boolean => {
    // --- Header: the first non-blank line (a BOM is skipped). ---
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    headerLine = 1;
    let end: number;
    for (;;) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0 && !final) return false;
      end = nl < 0 ? text.length : nl;
      if (text.slice(pos, end).trim() !== "" || nl < 0) break;
      pos = nl + 1;
      headerLine++;
    }
    if (text.slice(pos, end).trim() === "") {
      issues.error(1, null, null, null, `the file is empty; expected a header line: ${LONG_COLUMNS.join(",")}`);
      state = 2;
      return true;
    }
    sep = detectSeparator(text.slice(pos, end));

    let header: string[] | null = null;
    let headerEnd = headerLine;
    const r = scanCsvRecords(
      text,
      sep,
      (fields, _line, fieldLines) => {
        header = fields.slice();
        headerEnd = fieldLines ? fieldLines[fieldLines.length - 1]! : headerLine;
        return false;
      },
      (l, column, message) => issues.error(l, column, null, null, message),
      pos,
      headerLine,
      final,
    );
    if (!r.stopped) return false; // the header record is not complete yet
    if (issues.errors.length) {
      state = 2;
      return true;
    }
    head = header!;
    width = head.length;
    const names = head.map(normalizeHeader);

    const col: Record<LongColumn, number> = {
      municipality_code: -1,
      municipality_name: -1,
      benefit_group: -1,
      measure: -1,
      month: -1,
      population: -1,
      without: -1,
      share_without: -1,
    };
    const unknownColumns: string[] = [];
    names.forEach((n, i) => {
      if (KNOWN.has(n)) {
        const k = n as LongColumn;
        if (col[k] >= 0)
          issues.error(
            headerLine,
            i + 1,
            n,
            head[i]!,
            `column "${n}" appears twice in the header (also column ${col[k] + 1})`,
          );
        else col[k] = i;
      } else if (n !== "") unknownColumns.push(head[i]!.trim());
    });
    for (const req of REQUIRED_LONG_COLUMNS) {
      if (col[req] < 0) {
        const near = nearest(
          req,
          names.filter((n) => !KNOWN.has(n) && n !== ""),
        );
        issues.error(
          headerLine,
          null,
          req,
          null,
          `required column "${req}" is missing from the header` +
            (near ? ` (is "${near}" meant to be "${req}"?)` : "") +
            `; expected columns: ${LONG_COLUMNS.join(",")}`,
        );
      }
    }
    if (unknownColumns.length) {
      issues.warn(
        headerLine,
        null,
        null,
        null,
        `ignoring column${unknownColumns.length === 1 ? "" : "s"} not in the canonical format: ${unknownColumns.join(", ")}`,
      );
    }
    if (issues.errors.length) {
      state = 2;
      return true;
    }
    cCode = col.municipality_code;
    cName = col.municipality_name;
    cGroup = col.benefit_group;
    cMeasure = col.measure;
    cMonth = col.month;
    cPop = col.population;
    cWithout = col.without;
    cShare = col.share_without;
    bufPos = nextRecordStart(text, pos, headerLine, headerEnd);
    line = headerEnd + 1;
    state = 1;
    return true;
  };

  const err = (l: number, c: number, value: string | null, message: string): boolean =>
    issues.error(l, c + 1, head[c]!.trim(), value, message);

  const onRecord = (f: string[], line: number, fieldLines: number[] | null): boolean | void => {
    const n = f.length;
    // Skip blank lines and lines of bare separators (Excel's empty rows).
    if (n === 1 ? f[0]!.trim() === "" : isBlankRecord(f)) return;
    dataRows++;

    if (n !== width) {
      if (n < width) {
        const hint =
          sep !== "," && n === 1 && f[0]!.includes(",")
            ? ` (the header is separated by "${sepName(sep)}" but this line seems to use ",")`
            : "";
        return issues.error(
          lineAt(fieldLines, line, n - 1),
          n + 1,
          head[n]!.trim(),
          null,
          `expected ${width} fields as in the header, found ${n}${hint}`,
        );
      }
      for (let i = width; i < n; i++) {
        if (f[i]!.trim() !== "") {
          const hint = sep === "," ? ' (a decimal comma in a comma-separated file must be quoted, e.g. "45,5")' : "";
          return issues.error(
            lineAt(fieldLines, line, i),
            i + 1,
            null,
            f[i]!,
            `expected ${width} fields as in the header, found ${n}${hint}`,
          );
        }
      }
      // More fields than the header, but the extra ones are empty (trailing separators): fine.
    }

    let ok = true;
    // municipality_code
    const rawCode = f[cCode]!;
    let code = codeCache.get(rawCode);
    if (code === undefined) {
      code = codeEntry(rawCode);
      codeCache.set(rawCode, code);
    }
    if (code === null) {
      ok = false;
      const t = rawCode.trim();
      const byName = municipalityCodeByName(t);
      const hint = byName
        ? `; "${t}" is a name, its code is ${byName}`
        : /^\d{1,2}$/.test(t)
          ? " (codes have 3 digits, e.g. 101, 183)"
          : "";
      if (!err(lineAt(fieldLines, line, cCode), cCode, rawCode, `unknown municipality code "${t}"${hint}`))
        return false;
    }
    // benefit_group
    const rawGroup = f[cGroup]!;
    let group = groupCache.get(rawGroup);
    if (group === undefined) {
      group = groupEntry(rawGroup);
      groupCache.set(rawGroup, group);
    }
    if (group === null) {
      ok = false;
      if (
        !err(
          lineAt(fieldLines, line, cGroup),
          cGroup,
          rawGroup,
          `unknown benefit group "${rawGroup.trim()}"${didYouMean(rawGroup, GROUP_CANDIDATES)}`,
        )
      )
        return false;
    }
    // measure
    const rawMeasure = f[cMeasure]!;
    let measure: Measure | null = rawMeasure === "samtaler" || rawMeasure === "tilbud" ? rawMeasure : null;
    if (measure === null) {
      const t = rawMeasure.trim().toLowerCase();
      if (t === "samtaler" || t === "tilbud") measure = t;
      else {
        ok = false;
        if (
          !err(
            lineAt(fieldLines, line, cMeasure),
            cMeasure,
            rawMeasure,
            `unknown measure "${rawMeasure.trim()}"; expected samtaler or tilbud${didYouMean(t, MEASURES)}`,
          )
        )
          return false;
      }
    }
    // month
    const rawMonth = f[cMonth]!;
    let month = monthCache.get(rawMonth);
    if (month === undefined) {
      const m = parseMonth(rawMonth);
      month = m === null ? null : { month: m, index: monthIndex(m) };
      monthCache.set(rawMonth, month);
    }
    if (month === null) {
      ok = false;
      if (
        !err(
          lineAt(fieldLines, line, cMonth),
          cMonth,
          rawMonth,
          `"${rawMonth.trim()}" is not a month; expected YYYY-MM (2022-09) or YYYYMmm (2022M09)`,
        )
      )
        return false;
    }
    // population, without
    let population: number | null = null;
    if (cPop >= 0) {
      const raw = f[cPop]!;
      const v = parseCount(
        raw.length && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw,
      );
      if (v === COUNT_INVALID) {
        ok = false;
        if (
          !err(
            lineAt(fieldLines, line, cPop),
            cPop,
            raw,
            `population ${countProblem(raw.trim())}; expected a whole number ≥ 0, or empty when unknown`,
          )
        )
          return false;
      } else if (v !== COUNT_UNKNOWN) population = v;
    }
    let without: number | null = null;
    let withoutOk = true;
    if (cWithout >= 0) {
      const raw = f[cWithout]!;
      const v = parseCount(
        raw.length && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw,
      );
      if (v === COUNT_INVALID) {
        ok = false;
        withoutOk = false;
        if (
          !err(
            lineAt(fieldLines, line, cWithout),
            cWithout,
            raw,
            `without ${countProblem(raw.trim())}; expected a whole number ≥ 0, or empty when unknown`,
          )
        )
          return false;
      } else if (v !== COUNT_UNKNOWN) without = v;
    }
    if (without !== null && population !== null && without > population) {
      ok = false;
      withoutOk = false;
      if (
        !err(
          lineAt(fieldLines, line, cWithout),
          cWithout,
          f[cWithout]!,
          `without (${without}) is larger than population (${population}); it counts persons of the population`,
        )
      )
        return false;
    }
    // share_without
    let share: Decimal | null = null;
    if (cShare >= 0) {
      const raw = f[cShare]!;
      let r = shareCache.get(raw);
      if (r === undefined) {
        r = parseShare(raw.trim());
        if (shareCache.size < SHARE_CACHE_MAX) shareCache.set(raw, r);
      }
      if (typeof r === "string") {
        ok = false;
        if (!err(lineAt(fieldLines, line, cShare), cShare, raw, `share_without "${raw.trim()}" ${r}`)) return false;
      } else if (r !== null) {
        share = r;
        if (population === 0) {
          if (!shareAllowedForEmptyPopulation(r)) {
            ok = false;
            if (
              !err(
                lineAt(fieldLines, line, cShare),
                cShare,
                raw,
                `share_without is given but population is 0, so there is no share; leave share_without empty`,
              )
            )
              return false;
          }
        } else if (
          population !== null &&
          without !== null &&
          withoutOk &&
          !countsAgreeWithShare(without, population, r)
        ) {
          ok = false;
          if (!err(lineAt(fieldLines, line, cShare), cShare, raw, disagreementMessage(without, population, r)))
            return false;
        }
      }
    }
    if (!ok) return;
    const row = cols.length;
    if (row >= ROW_FACTOR)
      return issues.error(line, null, null, null, `too many rows: at most ${ROW_FACTOR - 1} rows can be read`);
    const c = code!;
    const g = group!;
    const mo = month!;
    const measureIndex = measure === "samtaler" ? 0 : 1;

    // Duplicates of (code, group, measure, month) are found after reading, by sorting packed keys
    // (much faster than a Map of a million entries); see findDuplicates.
    if (nKeys === keys.length) {
      const bigger = new Float64Array(keys.length * 2);
      bigger.set(keys);
      keys = bigger;
    }
    keys[nKeys++] = (((mo.index * 2 + measureIndex) * 16 + g.index) * 128 + c.index) * ROW_FACTOR + row;

    // municipality_name: informative; a contradiction is a warning (once per code and name).
    if (cName >= 0) {
      const rawName = f[cName]!;
      if (rawName === c.name) {
        if (!namesByCode.has(c.code)) namesByCode.set(c.code, rawName);
      } else if (rawName !== "") {
        const name = rawName.trim();
        if (name !== "") {
          let byName = nameCache.get(name);
          if (byName === undefined) {
            byName = municipalityCodeByName(name);
            nameCache.set(name, byName);
          }
          if (byName !== c.code) {
            const k = `${c.code}|${name}`;
            if (!nameWarned.has(k)) {
              nameWarned.add(k);
              issues.warn(
                lineAt(fieldLines, line, cName),
                cName + 1,
                head[cName]!.trim(),
                name,
                byName
                  ? `municipality_name "${name}" is the name of ${byName}, not of ${c.code} (${c.name}); the code is used`
                  : `municipality_name "${name}" does not match code ${c.code} (${c.name}); the code is used`,
              );
            }
          } else if (!namesByCode.has(c.code)) namesByCode.set(c.code, name);
        }
      }
    }

    if (!g.required[measure!]) notRequired.note(g.id, measure!, line);
    cols.push(
      c.index,
      g.index,
      measureIndex,
      mo.index,
      population === null ? NaN : population,
      without === null ? NaN : without,
      share === null ? 0 : share.num,
      share === null ? -1 : share.den === 10 ? 1 : decimalExponent(share.den),
      line,
    );
  };

  const onSyntaxError = (l: number, column: number, message: string): void => {
    issues.error(l, column, head[column - 1]?.trim() ?? null, null, message);
  };

  return {
    push(text: string, final: boolean): void {
      if (state >= 2) return;
      if (state === 0) {
        buf = buf.length ? buf + text : text;
        if (!readHeader(buf, final) || (state as number) !== 1) return;
      } else {
        buf = bufPos < buf.length ? buf.slice(bufPos) + text : text;
        bufPos = 0;
      }
      const r = scanCsvRecords(buf, sep, onRecord, onSyntaxError, bufPos, line, final);
      if (r.stopped) {
        state = 3;
        buf = "";
        return;
      }
      bufPos = r.next;
      line = r.line;
    },
    get stopped(): boolean {
      return state >= 2;
    },
    get rows(): number {
      return cols.length;
    },
    reserve(rows: number): void {
      cols.reserve(rows);
      if (rows > keys.length) {
        const bigger = new Float64Array(rows);
        bigger.set(keys.subarray(0, nKeys));
        keys = bigger;
      }
    },
    finish(): Measurements {
      buf = "";
      if (state === 0) throw new Error("longCsvParser: finish() before the final piece");
      if (state === 2) {
        issues.throwIfErrors();
        throw new Error("longCsvParser: header failed without an error");
      }
      if (!issues.stopped) {
        issues.addSorted(findDuplicates(keys.subarray(0, nKeys), cols, file, cCode + 1, head[cCode]!.trim()));
      }
      keys = new Float64Array(0);
      if (dataRows === 0 && issues.errors.length === 0) {
        issues.error(headerLine, null, null, null, "the file has a header but no data rows");
      }
      notRequired.flush(issues, head[cMeasure]!.trim(), cMeasure + 1);
      issues.throwIfErrors();
      const result = columnarMeasurements(cols, namesByCode, issues.warnings);
      return registerOrigins(result, { files: [file], fileIndex: null, lines: cols.line.subarray(0, cols.length) });
    },
  };
}

/**
 * Packing of a duplicate key with a row index into one exact double: key · 2^24 + row. The key
 * ((month·2 + measure)·16 + group)·128 + municipality is < 2^29 for 4-digit years, so the packed
 * value stays below 2^53.
 */
const ROW_FACTOR = 2 ** 24;

/**
 * Sorts the packed keys; equal keys are the same (code, group, measure, month). Within a key the
 * rows come in file order, so the first is the original and every later one a duplicate of it.
 */
function findDuplicates(
  packed: Float64Array,
  cols: MeasurementColumns,
  file: string,
  column: number,
  columnName: string,
): InputIssue[] {
  // Sorted in place: the keys are not needed afterwards.
  const sorted = packed.sort();
  const out: InputIssue[] = [];
  let prevKey = -1;
  let firstRow = -1;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    const key = Math.floor(v / ROW_FACTOR);
    const row = v - key * ROW_FACTOR;
    if (key !== prevKey) {
      prevKey = key;
      firstRow = row;
      continue;
    }
    const c = cols.cell(row);
    out.push({
      severity: "error",
      file,
      line: cols.line[row]!,
      column,
      columnName,
      value: c.municipalityCode,
      message: `duplicate row: municipality ${c.municipalityCode}, ${c.benefitGroup}, ${c.measure}, ${c.month} is already given on line ${cols.line[firstRow]!}`,
    });
  }
  return out.sort((a, b) => a.line! - b.line!);
}

/** Shares seen per parse are cached (they repeat); the cache is bounded for adversarial input. */
const SHARE_CACHE_MAX = 20_000;

interface CodeEntry {
  readonly code: string;
  readonly name: string;
  /** Position in MUNICIPALITIES (< 128), for the duplicate key. */
  readonly index: number;
}
interface GroupEntry {
  readonly id: BenefitGroupId;
  readonly index: number;
  /** Whether the measure is required by Table 1, or the group is the aggregate `alle`. */
  readonly required: Readonly<Record<Measure, boolean>>;
}
interface MonthEntry {
  readonly month: Month;
  readonly index: number;
}

const MUNICIPALITY_INDEX = new Map(MUNICIPALITIES.map((m, i) => [m.code, i]));

function codeEntry(raw: string): CodeEntry | null {
  const code = raw.trim();
  const m = municipalityByCode(code);
  return m ? { code, name: m.name, index: MUNICIPALITY_INDEX.get(code)! } : null;
}

function groupEntry(raw: string): GroupEntry | null {
  const id = resolveBenefitGroup(raw);
  if (id === null) return null;
  return {
    id,
    index: BENEFIT_GROUP_IDS.indexOf(id),
    required: {
      samtaler: id === "alle" || isRequired(id, "samtaler"),
      tilbud: id === "alle" || isRequired(id, "tilbud"),
    },
  };
}

/** The line of field `c` of a record (fields of a multi-line record can be on later lines). */
function lineAt(fieldLines: number[] | null, line: number, c: number): number {
  return fieldLines ? fieldLines[Math.max(0, Math.min(c, fieldLines.length - 1))]! : line;
}

function isBlankRecord(f: string[]): boolean {
  for (let i = 0; i < f.length; i++) if (f[i]!.trim() !== "") return false;
  return true;
}

function sepName(sep: Separator): string {
  return sep === "\t" ? "tab" : sep;
}

/** Position just after the header record, which starts at `pos` on `headerLine` and ends on `headerEnd`. */
function nextRecordStart(text: string, pos: number, headerLine: number, headerEnd: number): number {
  let p = pos;
  for (let l = headerLine; l <= headerEnd; l++) {
    const nl = text.indexOf("\n", p);
    if (nl < 0) return text.length;
    p = nl + 1;
  }
  return p;
}
