/**
 * The canonical long CSV of docs/data-format.md §1: one row per (municipality, group, measure, month).
 * Browser-safe. Every problem is reported with file, line, column and value; any error rejects
 * the whole file (InputError), so nothing is half-loaded.
 *
 * The parts: the header is mapped by long-csv-header.ts, each row is checked and stored by
 * long-csv-row.ts, and this module feeds them text in pieces (or, for the usual rows of UTF-8
 * input, the undecoded bytes: readUsualRows) and finds duplicate cells.
 */
import type { Measurements } from "../domain/measurements.ts";
import type { InputIssue } from "../domain/issues.ts";
import { columnarMeasurements, MeasurementColumns } from "../domain/columns.ts";
import { BENEFIT_GROUP_IDS, MEASURES } from "../domain/types.ts";
import { MUNICIPALITIES } from "../domain/municipalities.ts";
import { monthFromIndex } from "../domain/month.ts";
import {
  detectSeparator,
  scanCsvRecords,
  scanCsvSpans,
  scanStatistics,
  type FieldSpans,
  type Separator,
} from "./csv.ts";
import { IssueCollector, registerOrigins, type ImportOptions } from "./common.ts";
import { bomLength, isBlankText } from "./sniff.ts";
import { LONG_COLUMNS, mapLongHeader, type LongHeader } from "./long-csv-header.ts";
import { LongRowParser, ROW_STOP } from "./long-csv-row.ts";
import { MAX_ROWS, packCellKey, packKeyAndRow } from "./cell-key.ts";

export { LONG_COLUMNS, REQUIRED_LONG_COLUMNS, type LongColumn } from "./long-csv-header.ts";
export { looksLikeLongHeader } from "./sniff.ts";

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
  /**
   * Reads the usual rows (LongRowParser.fastRow) of UTF-8 `bytes` from `from` on, in place of
   * decoding them and pushing the text; returns where it stopped: at `from` when nothing was read
   * (the parser is not between rows, the rows are not of the usual form, or reading stopped), else
   * after the line break of the last row read. The bytes from there on must be pushed as text.
   */
  readUsualRows(bytes: Uint8Array, from: number): number;
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
  return new LongCsvReader(file, options);
}

type Phase = "header" | "rows" | "header-failed" | "stopped";

/** A rest up to this long is copied and completed on its own (see finishCarried). */
const MAX_CARRIED = 4096;

class LongCsvReader implements LongCsvParser {
  private readonly issues: IssueCollector;
  private phase: Phase = "header";
  /** Text not yet parsed: the incomplete last record, and pieces that arrived since. */
  private pending: string[] = [];
  private pendingLength = 0;
  /**
   * Pending length at which parsing is tried again. An incomplete record of length L is tried
   * again only once L more characters arrived, so a record longer than many pieces (one 16 MB
   * line) is scanned O(log n) times in all, at doubling lengths: linear, not quadratic.
   */
  private retryAt = 0;
  /** Physical line of the first pending character. */
  private line = 1;
  private sep: Separator = ",";
  private header: LongHeader | null = null;
  private rowParser: LongRowParser | null = null;
  private readonly cols = new MeasurementColumns(1024);
  private readonly duplicates = new DuplicateMarks();
  private readonly onRecord = (src: string, f: FieldSpans, line: number, fieldLines: number[] | null): boolean => {
    const before = this.cols.length;
    if (this.rowParser!.row(src, f, line, fieldLines) === ROW_STOP) return false;
    if (this.cols.length > before) this.duplicates.mark(this.cols, before);
    return true;
  };
  private readonly onSyntaxError = (line: number, column: number, message: string): void => {
    const columnName = this.header?.names[column - 1] ?? null;
    this.issues.error({ code: "unclosed-quote", line, column, columnName, message });
  };

  constructor(
    private readonly file: string,
    private readonly options: ImportOptions,
  ) {
    this.issues = new IssueCollector(file, options);
  }

  get stopped(): boolean {
    return this.phase === "header-failed" || this.phase === "stopped";
  }

  get rows(): number {
    return this.cols.length;
  }

  reserve(rows: number): void {
    this.cols.reserve(rows);
  }

  push(text: string, final: boolean): void {
    if (this.stopped) return;
    // Where the new piece's unread text starts (after a carried record completed on its own).
    let from = 0;
    if (this.phase === "rows" && this.pending.length === 1) from = this.finishCarried(text, final);
    if (this.stopped) return;
    let buf: string;
    let pos = 0;
    if (this.pending.length === 0 && (final || text.length - from >= this.retryAt)) {
      buf = text; // the usual case: read the piece where it is, no copy
      pos = from;
    } else {
      if (text.length > from) {
        this.pending.push(from ? text.slice(from) : text);
        this.pendingLength += text.length - from;
      }
      if (!final && this.pendingLength < this.retryAt) return;
      buf = this.pending.length === 1 ? this.pending[0]! : this.pending.join("");
    }
    this.pending = [];
    if (this.phase === "header") {
      const at = this.readHeader(buf, final);
      if (at === null) return this.keep(buf, pos);
      if ((this.phase as Phase) !== "rows") return;
      pos = at;
    }
    const r = scanCsvSpans(buf, this.onRecord, {
      separator: this.sep,
      start: pos,
      line: this.line,
      final,
      onSyntaxError: this.onSyntaxError,
    });
    if (r.stopped) {
      this.phase = "stopped";
      this.pending = [];
      return;
    }
    this.line = r.line;
    this.keep(buf, r.next);
  }

  readUsualRows(bytes: Uint8Array, from: number): number {
    const rows = this.rowParser;
    if (this.phase !== "rows" || this.pending.length || rows === null || !rows.fastRowsApply) return from;
    const end = bytes.length;
    const cols = this.cols;
    let pos = from;
    let line = this.line;
    for (;;) {
      const next = rows.fastRow(bytes, pos, end, line);
      if (next < 0) break;
      this.duplicates.mark(cols, cols.length - 1);
      pos = next;
      line++;
    }
    scanStatistics.characters += pos - from;
    this.line = line;
    return pos;
  }

  /**
   * The usual carried rest — the start of one unquoted record — is completed with the first line
   * of the new piece and read on its own, so the piece need not be copied behind the rest. Returns
   * where the rest of the piece starts (0: nothing was done).
   */
  private finishCarried(text: string, final: boolean): number {
    const rest = this.pending[0]!;
    if (rest.length > MAX_CARRIED || rest.includes('"')) return 0;
    const nl = text.indexOf("\n");
    if (nl < 0 || text.lastIndexOf('"', nl) >= 0) return 0;
    const r = scanCsvSpans(rest + text.slice(0, nl + 1), this.onRecord, {
      separator: this.sep,
      line: this.line,
      final,
      onSyntaxError: this.onSyntaxError,
    });
    this.pending = [];
    this.pendingLength = 0;
    this.retryAt = 0;
    if (r.stopped) this.phase = "stopped";
    this.line = r.line;
    return nl + 1;
  }

  /** Keeps buf[from…] (an incomplete record) for the next piece. */
  private keep(buf: string, from: number): void {
    // A short rest is copied, so that it does not keep the whole piece alive (a slice would).
    const rest =
      from === 0 ? buf : buf.length - from <= MAX_CARRIED ? `${buf.slice(from)}\n`.slice(0, -1) : buf.slice(from);
    this.pending = rest.length ? [rest] : [];
    this.pendingLength = rest.length;
    this.retryAt = 2 * rest.length;
  }

  /**
   * Reads the header (the first non-blank record; a BOM is skipped) once it is complete: returns
   * where the data rows start, or null while more text is needed.
   */
  private readHeader(text: string, final: boolean): number | null {
    scanStatistics.characters += text.length;
    let pos = bomLength(text);
    let headerLine = 1;
    let end: number;
    for (;;) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0 && !final) return null;
      end = nl < 0 ? text.length : nl;
      if (!isBlankText(text, pos, end) || nl < 0) break;
      pos = nl + 1;
      headerLine++;
    }
    if (isBlankText(text, pos, end)) {
      this.issues.error({
        code: "empty-file",
        line: 1,
        message: `the file is empty; expected a header line: ${LONG_COLUMNS.join(",")}`,
      });
      this.phase = "header-failed";
      return 0;
    }
    const sep = detectSeparator(text.slice(pos, end));
    let fields: string[] | null = null;
    let headerEnd = headerLine;
    const r = scanCsvRecords(
      text,
      (f, _line, fieldLines) => {
        fields = f.slice();
        headerEnd = fieldLines ? fieldLines[fieldLines.length - 1]! : headerLine;
        return false;
      },
      {
        separator: sep,
        start: pos,
        line: headerLine,
        final,
        onSyntaxError: (line, column, message) => this.issues.error({ code: "unclosed-quote", line, column, message }),
      },
    );
    if (!r.stopped) return null; // the header record is not complete yet
    this.header = fields === null ? null : mapLongHeader(fields, headerLine, this.issues);
    if (this.header === null || this.issues.errors.length) {
      this.phase = "header-failed";
      return 0;
    }
    this.sep = sep;
    this.rowParser = new LongRowParser({
      header: this.header,
      separator: sep,
      issues: this.issues,
      columns: this.cols,
      fastRows: this.options.fastRows,
    });
    this.line = headerEnd + 1;
    this.phase = "rows";
    return nextRecordStart(text, pos, headerLine, headerEnd);
  }

  finish(): Measurements {
    this.pending = [];
    const issues = this.issues;
    if (this.phase === "header") throw new Error("longCsvParser: finish() before the final piece");
    if (this.phase === "header-failed") {
      issues.throwIfErrors();
      throw new Error("longCsvParser: header failed without an error");
    }
    const header = this.header!;
    const rows = this.rowParser!;
    const cCode = header.columns.municipality_code;
    if (!issues.stopped && this.duplicates.found) {
      issues.addSorted(findDuplicates(this.cols, this.file, cCode + 1, header.names[cCode]!));
    }
    if (rows.dataRows === 0 && issues.errors.length === 0) {
      issues.error({ code: "no-data-rows", line: header.line, message: "the file has a header but no data rows" });
    }
    const cMeasure = header.columns.measure;
    rows.notRequired.flush(issues, header.names[cMeasure]!, cMeasure + 1);
    issues.throwIfErrors();
    const cols = this.cols;
    const result = columnarMeasurements(cols, rows.namesByCode, issues.warnings);
    return registerOrigins(result, { files: [this.file], fileIndex: null, lines: cols.line.subarray(0, cols.length) });
  }
}

/**
 * Notes which cells were seen, one bit per cell in a 4,096-bit map per month, to learn while
 * reading whether the file has any duplicate at all; only then are the rows sorted by cell
 * (findDuplicates) to name each duplicate with the line of its original. A file with more than
 * MAX_MARKED_MONTHS months is always sorted (bounding the maps' memory).
 */
class DuplicateMarks {
  found = false;
  private readonly months = new Map<number, Uint32Array>();
  private lastMonth = -1;
  private last: Uint32Array | null = null;

  mark(cols: MeasurementColumns, row: number): void {
    if (this.found) return;
    const month = cols.month[row]!;
    let bits = this.last;
    if (month !== this.lastMonth) {
      bits = this.months.get(month) ?? null;
      if (bits === null) {
        if (this.months.size >= MAX_MARKED_MONTHS) {
          this.found = true; // cannot tell cheaply: let findDuplicates decide
          return;
        }
        this.months.set(month, (bits = new Uint32Array(4096 / 32)));
      }
      this.lastMonth = month;
      this.last = bits;
    }
    const k = packCellKey(0, cols.measure[row]!, cols.group[row]!, cols.code[row]!);
    const w = k >>> 5;
    const b = 1 << (k & 31);
    if (bits![w]! & b) this.found = true;
    else bits![w] = bits![w]! | b;
  }
}

const MAX_MARKED_MONTHS = 4096;

/**
 * Sorts the rows by cell (packed key and row number); equal keys are the same (code, group,
 * measure, month). Within a key the rows come in file order, so the first is the original and
 * every later one a duplicate of it.
 */
function findDuplicates(cols: MeasurementColumns, file: string, column: number, columnName: string): InputIssue[] {
  const n = cols.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++)
    packed[i] = packKeyAndRow(packCellKey(cols.month[i]!, cols.measure[i]!, cols.group[i]!, cols.code[i]!), i);
  packed.sort();
  const out: InputIssue[] = [];
  let prevKey = -1;
  let firstRow = -1;
  for (let i = 0; i < n; i++) {
    const v = packed[i]!;
    const key = Math.floor(v / MAX_ROWS);
    const row = v - key * MAX_ROWS;
    if (key !== prevKey) {
      prevKey = key;
      firstRow = row;
      continue;
    }
    const code = MUNICIPALITIES[cols.code[row]!]!.code;
    out.push({
      code: "duplicate-row",
      severity: "error",
      file,
      line: cols.line[row]!,
      column,
      columnName,
      value: code,
      message:
        `duplicate row: municipality ${code}, ${BENEFIT_GROUP_IDS[cols.group[row]!]}, ` +
        `${MEASURES[cols.measure[row]!]}, ${monthFromIndex(cols.month[row]!)} is already given on line ${cols.line[firstRow]!}`,
    });
  }
  return out.sort((a, b) => a.line! - b.line!);
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
