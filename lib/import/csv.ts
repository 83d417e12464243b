/**
 * A small, fast RFC 4180 reader. Browser-safe.
 *
 * - Separator `,`, `;` or tab, detected from the header line.
 * - Quoted fields may hold separators, doubled quotes and line breaks; CRLF or LF.
 * - Physical line numbers are tracked so messages point at the line a user sees in an editor,
 *   also after a quoted line break; for a record spanning lines, each field's own line is given.
 * - Lines without any quote take a fast path (indexOf + split); only quoted lines are scanned
 *   character by character.
 *
 * Lenient where RFC 4180 is strict but the meaning is clear: a quote inside an unquoted field is
 * kept literally, and text between a closing quote and the next separator is appended. The one
 * syntax error is a quoted field that is never closed (it would swallow the rest of the file).
 */

export type Separator = "," | ";" | "\t";

/**
 * The separator of a header line: whichever of `,` `;` tab occurs most often outside quotes
 * (ties prefer `,`, then `;`). A header without any of them is comma-separated (one column).
 */
export function detectSeparator(headerLine: string): Separator {
  let comma = 0;
  let semi = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semi++;
    else if (c === 9) tab++;
  }
  if (tab > comma && tab > semi) return "\t";
  if (semi > comma) return ";";
  return ",";
}

/** The first line of `text` (without its line break), skipping a BOM. */
export function firstLine(text: string, from = 0): string {
  const nl = text.indexOf("\n", from);
  const line = text.slice(from, nl < 0 ? text.length : nl);
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/**
 * Receives one record. `line` is the physical line it starts on; `fieldLines` gives each field's
 * own line when the record spans several lines, otherwise null (all fields are on `line`).
 * Return `false` to stop reading. The `fields` array is reused for the next record: copy it to
 * keep it.
 */
export type RecordHandler = (fields: string[], line: number, fieldLines: number[] | null) => boolean | void;

/** Receives a syntax error (an unterminated quote) at a line and 1-based column. */
export type SyntaxErrorHandler = (line: number, column: number, message: string) => void;

/**
 * The fields of one record as spans of a source string: field i is
 * `src.slice(start[i], end[i])`. For a record without quotes `src` is the text itself (no
 * substring is made); for a quoted one it is the record's unquoted values joined.
 */
export interface FieldSpans {
  start: Int32Array;
  end: Int32Array;
  /** Number of fields. */
  count: number;
}

/** Receives one record as spans; like RecordHandler otherwise. The spans are reused. */
export type SpanHandler = (src: string, spans: FieldSpans, line: number, fieldLines: number[] | null) => boolean | void;

/** How to scan: the separator, where to start, and whether more text may follow. */
export interface CsvScanOptions {
  readonly separator: Separator;
  /** Position to start at (default 0). */
  readonly start?: number;
  /** Physical line at `start` (default 1). */
  readonly line?: number;
  /**
   * False when more text may follow (default true): `text` may then end in the middle of a
   * record (even inside a quoted field, between the CR and LF of a line break, or between the two
   * quotes of an escaped quote); only records whose closing line break is in `text` are handled,
   * and the result says where the first incomplete one starts, so the caller can prepend it to
   * the next piece.
   */
  readonly final?: boolean;
  readonly onSyntaxError?: SyntaxErrorHandler;
}

/**
 * Calls `onRecord` for every record of `text`, in order. A final line break does not make an
 * extra empty record; an empty line in the middle gives a record with one empty field.
 */
export function forEachCsvRecord(
  text: string,
  separator: Separator,
  onRecord: RecordHandler,
  onSyntaxError?: SyntaxErrorHandler,
): void {
  scanCsvRecords(text, onRecord, { separator, onSyntaxError });
}

/** Where a scan stopped. */
export interface CsvScanResult {
  /** Position of the first record not handled (text.length when all were). */
  readonly next: number;
  /** Physical line on which that record starts. */
  readonly line: number;
  /** True when `onRecord` returned false or a syntax error was reported. */
  readonly stopped: boolean;
}

/** scanCsvSpans with each record's fields as strings (the array is reused: copy it to keep it). */
export function scanCsvRecords(text: string, onRecord: RecordHandler, options: CsvScanOptions): CsvScanResult {
  const fields: string[] = [];
  return scanCsvSpans(
    text,
    (src, spans, line, fieldLines) => {
      const n = spans.count;
      for (let i = 0; i < n; i++) fields[i] = src.slice(spans.start[i], spans.end[i]);
      fields.length = n;
      return onRecord(fields, line, fieldLines);
    },
    options,
  );
}

/**
 * Characters handed to the scanners (scanCsvSpans, the format sniffer, the header reader), for
 * tests and benchmarks that check the reading is linear: reading a text of n characters in any
 * pieces must add O(n) here.
 */
export const scanStatistics = { characters: 0 };

/**
 * The scanner: every character is looked at once on the way to the line break; a record with a
 * quote is re-read by the quoted-field reader. Linear in the length of `text`.
 */
export function scanCsvSpans(text: string, onRecord: SpanHandler, options: CsvScanOptions): CsvScanResult {
  const sepCode = options.separator.charCodeAt(0);
  const final = options.final ?? true;
  const len = text.length;
  let pos = options.start ?? 0;
  let line = options.line ?? 1;
  const spans: FieldSpans = { start: new Int32Array(64), end: new Int32Array(64), count: 0 };
  scanStatistics.characters += len - pos;
  while (pos < len) {
    // One pass to the line break, noting separators; a quote sends the record to the slow path.
    let n = 0;
    let a = pos;
    let i = pos;
    let quoted = false;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c === sepCode) {
        if (n + 1 >= spans.start.length) growSpans(spans);
        spans.start[n] = a;
        spans.end[n++] = i;
        a = i + 1;
      } else if (c === 34) {
        quoted = true;
        break;
      }
    }
    if (!quoted) {
      if (i === len && !final) return { next: pos, line, stopped: false };
      const end = i > a && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      spans.start[n] = a;
      spans.end[n++] = end < a ? a : end;
      spans.count = n;
      if (onRecord(text, spans, line, null) === false) return { next: pos, line, stopped: true };
      line++;
      pos = i + 1;
      continue;
    }
    // Slow path: a record with quotes, possibly spanning several physical lines.
    const r = readQuotedRecord(text, pos, line, options.separator);
    if (!final && (r.error || !r.complete)) return { next: pos, line, stopped: false };
    if (r.error) {
      options.onSyntaxError?.(r.error.line, r.error.column, r.error.message);
      return { next: pos, line, stopped: true };
    }
    let src = "";
    const m = r.fields.length;
    while (m >= spans.start.length) growSpans(spans);
    for (let k = 0; k < m; k++) {
      spans.start[k] = src.length;
      src += r.fields[k]!;
      spans.end[k] = src.length;
    }
    spans.count = m;
    const multiLine = r.endLine !== line;
    if (onRecord(src, spans, line, multiLine ? r.fieldLines : null) === false)
      return { next: pos, line, stopped: true };
    line = r.endLine + 1;
    pos = r.next;
  }
  return { next: len, line, stopped: false };
}

function growSpans(spans: FieldSpans): void {
  const start = new Int32Array(spans.start.length * 2);
  const end = new Int32Array(spans.start.length * 2);
  start.set(spans.start);
  end.set(spans.end);
  spans.start = start;
  spans.end = end;
}

interface QuotedRecord {
  fields: string[];
  fieldLines: number[];
  /** Line on which the record ends. */
  endLine: number;
  /** Position after the record's line break. */
  next: number;
  /** Whether the record ended with a line break (not at the end of the text). */
  complete: boolean;
  error: { line: number; column: number; message: string } | null;
}

function readQuotedRecord(text: string, start: number, startLine: number, sep: Separator): QuotedRecord {
  const len = text.length;
  const sepCode = sep.charCodeAt(0);
  const fields: string[] = [];
  const fieldLines: number[] = [];
  let line = startLine;
  let pos = start;
  for (;;) {
    // At the start of a field.
    fieldLines.push(line);
    let value = "";
    if (pos < len && text.charCodeAt(pos) === 34) {
      const openLine = line;
      const openColumn = fields.length + 1;
      pos++;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q < 0) {
          return {
            fields,
            fieldLines,
            endLine: line,
            next: len,
            complete: false,
            error: {
              line: openLine,
              column: openColumn,
              message: "a quoted field is never closed (missing closing quote)",
            },
          };
        }
        const chunk = text.slice(pos, q);
        line += countNewlines(chunk);
        value += chunk;
        if (q + 1 < len && text.charCodeAt(q + 1) === 34) {
          value += '"';
          pos = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
    }
    // Unquoted part (or whatever follows a closing quote) up to the separator or line end.
    let i = pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === sepCode || c === 10) break;
      i++;
    }
    let tail = text.slice(pos, i);
    if (i < len && text.charCodeAt(i) === 10 && tail.endsWith("\r")) tail = tail.slice(0, -1);
    else if (i === len && tail.endsWith("\r")) tail = tail.slice(0, -1);
    value += tail;
    fields.push(value);
    if (i >= len) return { fields, fieldLines, endLine: line, next: len, complete: false, error: null };
    if (text.charCodeAt(i) === 10)
      return { fields, fieldLines, endLine: line, next: i + 1, complete: true, error: null };
    pos = i + 1; // after the separator
  }
}

function countNewlines(s: string): number {
  let n = 0;
  let i = s.indexOf("\n");
  while (i >= 0) {
    n++;
    i = s.indexOf("\n", i + 1);
  }
  return n;
}

/** Convenience: every record with its line, for small inputs and tests. */
export function parseCsv(text: string, separator?: Separator): { fields: string[]; line: number }[] {
  const sep = separator ?? detectSeparator(firstLine(text));
  const out: { fields: string[]; line: number }[] = [];
  let syntax: string | null = null;
  forEachCsvRecord(
    text,
    sep,
    (fields, line) => {
      out.push({ fields: fields.slice(), line });
    },
    (line, column, message) => {
      syntax = `line ${line}, column ${column}: ${message}`;
    },
  );
  if (syntax) throw new Error(syntax);
  return out;
}
