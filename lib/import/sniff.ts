/**
 * The one place that looks at the start of an input: byte-order marks (bytes and text) and the
 * format (long CSV or wide table) from the first non-blank line. Browser-safe. The format sniffer
 * takes text in pieces and looks at every character once, so a file without any line break costs
 * what its length costs (not its length squared).
 */
import { detectSeparator, scanStatistics } from "./csv.ts";
import { LONG_CSV_COLUMNS } from "../io/long-csv-writer.ts";

export type InputFormat = "long" | "wide";

/** U+FEFF, the byte-order mark as decoded text. */
const BOM = 0xfeff;

/** 1 when `text` starts with a byte-order mark, else 0 (the position of the content). */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === BOM ? 1 : 0;
}

/** `text` without a leading byte-order mark. */
export function stripBom(text: string): string {
  return bomLength(text) ? text.slice(1) : text;
}

/** The encoding a byte-order mark announces, with the mark's length in bytes. */
export interface ByteOrderMark {
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be";
  readonly length: number;
}

/**
 * The byte-order mark at the start of `bytes`, or null. Needs the first 3 bytes when there are as
 * many (the UTF-8 mark is 3 bytes long, the UTF-16 ones 2).
 */
export function byteOrderMark(bytes: Uint8Array): ByteOrderMark | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: "utf-8", length: 3 };
  return null;
}

const LONG_COLUMN_NAMES = new Set<string>(LONG_CSV_COLUMNS);

/** A header field as a column name: trimmed, unquoted, lower case (a BOM is dropped). */
export function normalizeHeader(f: string): string {
  let t = f.trim();
  if (t.charCodeAt(0) === BOM) t = t.slice(1).trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).replace(/""/g, '"').trim();
  return t.toLowerCase();
}

/** Whether a header line (raw text) looks like the long format: it names one of its columns. */
export function looksLikeLongHeader(headerLine: string): boolean {
  const sep = detectSeparator(headerLine);
  return headerLine.split(sep).some((f) => LONG_COLUMN_NAMES.has(normalizeHeader(f)));
}

/**
 * Finds the format from text given in pieces: `long` when the first non-blank line is a header
 * naming a column of the canonical CSV (municipality_code, benefit_group, …), otherwise `wide`
 * (Jobindsats tables); an empty input is `long` (the long parser says it is empty). Each piece is
 * looked at once; the text is joined once, when the first non-blank line is complete.
 */
export class FormatSniffer {
  private readonly pieces: string[] = [];
  /** Index of the piece and position where the current line starts. */
  private linePiece = 0;
  private lineStart = 0;
  /** Whether the current line has a character other than white space (a BOM counts as space). */
  private lineHasContent = false;
  private format: InputFormat | null = null;

  /** Adds the next piece (`final` on the last); returns the format once it is known. */
  push(piece: string, final: boolean): InputFormat | null {
    if (this.format !== null) return this.format;
    const k = this.pieces.push(piece) - 1;
    scanStatistics.characters += piece.length;
    let from = k === 0 ? bomLength(piece) : 0;
    for (;;) {
      const nl = piece.indexOf("\n", from);
      const end = nl < 0 ? piece.length : nl;
      if (!this.lineHasContent && !isBlankText(piece, from, end)) this.lineHasContent = true;
      if (nl < 0) break;
      if (this.lineHasContent) return (this.format = this.decide(k, nl));
      this.linePiece = k;
      this.lineStart = nl + 1;
      from = nl + 1;
    }
    if (!final) return null;
    return (this.format = this.lineHasContent ? this.decide(k, piece.length) : "long");
  }

  /** All text pushed so far, joined. */
  text(): string {
    const t = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join("");
    this.pieces.length = 0;
    this.pieces.push(t);
    this.linePiece = 0;
    this.lineStart = 0;
    return t;
  }

  /** Decides on the line from (linePiece, lineStart) to position `end` of piece `k`. */
  private decide(k: number, end: number): InputFormat {
    let line: string;
    if (k === this.linePiece) line = this.pieces[k]!.slice(this.lineStart, end);
    else
      line =
        this.pieces[this.linePiece]!.slice(this.lineStart) +
        this.pieces.slice(this.linePiece + 1, k).join("") +
        this.pieces[k]!.slice(0, end);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (this.linePiece === 0 && this.lineStart === 0) line = stripBom(line);
    return looksLikeLongHeader(line) ? "long" : "wide";
  }
}

/** Whether text[from, end) is only white space (as String.prototype.trim sees it). */
export function isBlankText(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c > 127 && text.slice(i, i + 1).trim() === "") continue;
    return false;
  }
  return true;
}

/** The format of a whole text (FormatSniffer with one final piece). */
export function detectFormat(text: string): InputFormat {
  return new FormatSniffer().push(text, true)!;
}
