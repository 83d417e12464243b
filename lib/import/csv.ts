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
 * Calls `onRecord` for every record of `text`, in order. A final line break does not make an
 * extra empty record; an empty line in the middle gives a record with one empty field.
 */
export function forEachCsvRecord(
  text: string,
  separator: Separator,
  onRecord: RecordHandler,
  onSyntaxError?: SyntaxErrorHandler,
  start = 0,
  startLine = 1,
): void {
  scanCsvRecords(text, separator, onRecord, onSyntaxError, start, startLine, true);
}

/** Where scanCsvRecords stopped. */
export interface CsvScanResult {
  /** Position of the first record not handled (text.length when all were). */
  readonly next: number;
  /** Physical line on which that record starts. */
  readonly line: number;
  /** True when `onRecord` returned false or a syntax error was reported. */
  readonly stopped: boolean;
}

/**
 * forEachCsvRecord for text that arrives in pieces. With `final` false, `text` may end in the
 * middle of a record (even inside a quoted field, between the CR and LF of a line break, or
 * between the two quotes of an escaped quote): only records whose closing line break is in `text`
 * are handled, and the result says where the first incomplete one starts, so the caller can
 * prepend it to the next piece. With `final` true this is forEachCsvRecord.
 */
export function scanCsvRecords(
  text: string,
  separator: Separator,
  onRecord: RecordHandler,
  onSyntaxError: SyntaxErrorHandler | undefined,
  start: number,
  startLine: number,
  final: boolean,
): CsvScanResult {
  const len = text.length;
  let pos = start;
  let line = startLine;
  let nextQuote = text.indexOf('"', pos);
  const fields: string[] = [];
  while (pos < len) {
    const nl = text.indexOf("\n", pos);
    if (nl < 0 && !final) return { next: pos, line, stopped: false };
    const lineEnd = nl < 0 ? len : nl;
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    if (nextQuote === -1 || nextQuote >= lineEnd) {
      // Fast path: no quote on this line.
      const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      // Split in place into a reused array (no intermediate line string).
      let n = 0;
      let a = pos;
      let b = text.indexOf(separator, a);
      while (b !== -1 && b < end) {
        fields[n++] = text.slice(a, b);
        a = b + 1;
        b = text.indexOf(separator, a);
      }
      fields[n++] = text.slice(a, end);
      fields.length = n;
      if (onRecord(fields, line, null) === false) return { next: pos, line, stopped: true };
      line++;
      pos = lineEnd + 1;
      continue;
    }
    // Slow path: a record with quotes, possibly spanning several physical lines.
    const r = readQuotedRecord(text, pos, line, separator);
    if (!final && (r.error || !r.complete)) return { next: pos, line, stopped: false };
    if (r.error) {
      onSyntaxError?.(r.error.line, r.error.column, r.error.message);
      return { next: pos, line, stopped: true };
    }
    const multiLine = r.endLine !== line;
    if (onRecord(r.fields, line, multiLine ? r.fieldLines : null) === false) return { next: pos, line, stopped: true };
    line = r.endLine + 1;
    pos = r.next;
  }
  return { next: len, line, stopped: false };
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
