/**
 * Reading measurement bytes in chunks, so that neither the whole file nor its whole decoded text
 * is held at once: the usual rows of a UTF-8 long CSV are read from the bytes themselves
 * (LongCsvParser.readUsualRows); everything else is decoded with a streaming TextDecoder and fed
 * to the long-CSV parser as text, which carries an incomplete last record to the next chunk. Browser-safe; the CLI
 * supplies a source that reads a file piece by piece (cli/read-file.ts), the site and
 * readMeasurements() one over a Uint8Array.
 *
 * The result is exactly that of decoding everything first (decodeInput) and parsing the text:
 * - UTF-16 input (byte-order mark) and wide tables (small) are read whole, by the text path;
 * - a UTF-8 byte-order mark is skipped;
 * - when the bytes turn out not to be valid UTF-8 — possibly late in the file — the reading
 *   starts again as Windows-1252 with decodeInput's warning (first invalid byte and its line).
 *   Decoding continues to the end even after the parser stopped (error cap), so that the
 *   warning is never missed.
 */
import type { InputIssue } from "../domain/issues.ts";
import type { Measurements } from "../domain/measurements.ts";
import { firstInvalidUtf8, notUtf8Warning } from "./decode.ts";
import { longCsvParser, type LongCsvParser } from "./long-csv.ts";
import { byteOrderMark, FormatSniffer } from "./sniff.ts";
import type { ImportOptions } from "./common.ts";

/**
 * Default bytes per chunk: 16 KB. Measured on a 1,000,000-row file (bench/import): 1 MB chunks
 * peak at ≈2.6× the file, 256 KB at ≈1.7×, 16–64 KB at ≈0.85–1×, at the same speed — V8 puts
 * strings above ≈128 KB (a decoded chunk) in its large-object space, which only a full GC frees,
 * while smaller ones die young.
 */
export const DEFAULT_CHUNK_SIZE = 1 << 14;

/** Lines of one chunk decoded one by one before the rest of the chunk is decoded at once. */
const MAX_DECODED_PIECES = 16;
const LF = 10;

/** Input bytes that can be read in chunks, from the start, as often as needed. */
export interface ByteSource {
  /** Total size in bytes when known (sizes the columns up front). */
  readonly size?: number;
  /**
   * Calls `each` with every chunk in order, from the first byte; stops early when `each`
   * returns false. A chunk may be a view into a buffer that is reused after `each` returns.
   */
  forEachChunk(each: (chunk: Uint8Array) => boolean | void): void;
  /** All bytes at once (for the inputs that are read whole). */
  readAll(): Uint8Array;
}

/** A ByteSource over bytes already in memory, in chunks of `chunkSize` bytes. */
export function bytesSource(bytes: Uint8Array, chunkSize = DEFAULT_CHUNK_SIZE): ByteSource {
  const step = Math.max(1, Math.floor(chunkSize));
  return {
    size: bytes.length,
    forEachChunk(each) {
      for (let i = 0; i < bytes.length; i += step)
        if (each(bytes.subarray(i, Math.min(bytes.length, i + step))) === false) return;
    },
    readAll: () => bytes,
  };
}

/** What a reading attempt gives: the result, or why it must be done differently. */
type Attempt =
  | { readonly kind: "done"; readonly parser: LongCsvParser }
  | { readonly kind: "whole" } // UTF-16 or a wide table: decode and parse the whole input
  | { readonly kind: "invalid-utf8"; readonly offset: number };

/**
 * Reads one input from a ByteSource: the long CSV chunk by chunk; anything else whole via
 * `readWhole` (readMeasurements' text path). Throws InputError on bad input.
 */
export function readMeasurementsFromSource(
  source: ByteSource,
  file: string,
  options: ImportOptions,
  readWhole: (bytes: Uint8Array, file: string, options: ImportOptions) => Measurements,
): Measurements {
  let attempt = readAttempt(source, file, options, "utf-8");
  if (attempt.kind === "invalid-utf8") {
    const warning = windows1252Warning(source, file, attempt.offset);
    attempt = readAttempt(
      source,
      file,
      { ...options, warnings: [...(options.warnings ?? []), warning] },
      "windows-1252",
    );
  }
  if (attempt.kind === "done") return attempt.parser.finish();
  return readWhole(source.readAll(), file, options);
}

function readAttempt(
  source: ByteSource,
  file: string,
  options: ImportOptions,
  encoding: "utf-8" | "windows-1252",
): Attempt {
  const utf8 = encoding === "utf-8";
  const decoder = new TextDecoder(encoding, { fatal: utf8, ignoreBOM: true });
  let result: Attempt | null = null;
  // The first bytes decide UTF-16 and the UTF-8 BOM; they are collected until there are 3.
  let head: Uint8Array | null = new Uint8Array(0);
  /** Body bytes (after a BOM) given to the decoder before the current chunk. */
  let consumed = 0;
  /** The last ≤ 3 body bytes before the current chunk (to locate an invalid sequence across chunks). */
  let tail: Uint8Array = new Uint8Array(0);
  /** Decoded text before the format is known. */
  const sniffer = new FormatSniffer();
  let parser: LongCsvParser | null = null;
  let sized = false;
  let bytesRead = 0;
  /** Length of the UTF-8 byte-order mark skipped (0 or 3). */
  let bom = 0;

  /** Decodes body bytes (null: the end) and parses the text; returns false to stop reading. */
  const piece = (chunk: Uint8Array | null): boolean => {
    let text: string;
    try {
      text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      const off = invalidOffset(tail, chunk ?? new Uint8Array(0), consumed);
      result = { kind: "invalid-utf8", offset: off < 0 ? -1 : off + bom };
      return false;
    }
    if (chunk) {
      consumed += chunk.length;
      tail = lastBytes(tail, chunk, 3);
    }
    const final = chunk === null;
    if (parser === null) {
      const format = sniffer.push(text, final);
      if (format === null) return true;
      if (format === "wide") {
        result = { kind: "whole" };
        return false;
      }
      parser = longCsvParser(file, options);
      text = sniffer.text();
    }
    if (!parser.stopped) {
      parser.push(text, final);
      if (!sized && source.size && parser.rows > 0 && !final) {
        // Size the columns from the share of the file read so far (5% margin): no doubling copies.
        sized = true;
        parser.reserve(Math.ceil(((parser.rows * source.size) / Math.max(1, bytesRead)) * 1.05) + 1024);
      }
    }
    // Once the parser stopped, a Windows-1252 reading can end; a UTF-8 one decodes on, since an
    // invalid byte anywhere changes how the whole file is read.
    return !(parser.stopped && !utf8);
  };

  /**
   * One body chunk (null: the end). Once the parser reads rows, the usual rows of UTF-8 bytes are
   * read without decoding (LongCsvParser.readUsualRows); the others are decoded and pushed a line at
   * a time, or — after MAX_DECODED_PIECES lines in one chunk — the rest of the chunk at once.
   */
  const body = (chunk: Uint8Array | null): boolean => {
    if (chunk === null || !utf8 || parser === null || parser.stopped) return piece(chunk);
    const p: LongCsvParser = parser;
    let pos = 0;
    let pieces = 0;
    while (pos < chunk.length) {
      const next = p.readUsualRows(chunk, pos);
      if (next > pos) {
        consumed += next - pos;
        tail = lastBytes(tail, chunk.subarray(pos, next), 3);
        pos = next;
        continue;
      }
      const lf = ++pieces < MAX_DECODED_PIECES && !p.stopped ? chunk.indexOf(LF, pos) : -1;
      const to = lf < 0 ? chunk.length : lf + 1;
      if (!piece(chunk.subarray(pos, to))) return false;
      pos = to;
    }
    return true;
  };

  const onChunk = (chunk: Uint8Array): boolean => {
    bytesRead += chunk.length;
    if (head !== null) {
      const h: Uint8Array = concat(head, chunk);
      if (h.length < 3) {
        head = h;
        return true;
      }
      head = null;
      const mark = byteOrderMark(h);
      if (mark && mark.encoding !== "utf-8") {
        result = { kind: "whole" };
        return false;
      }
      if (mark) bom = mark.length;
      return body(h.subarray(bom));
    }
    return body(chunk);
  };

  source.forEachChunk(onChunk);
  if (result) return result;
  if (head !== null) {
    // Fewer than 3 bytes in all.
    const h: Uint8Array = head;
    if (byteOrderMark(h)) return { kind: "whole" };
    body(h);
    if (result) return result;
  }
  body(null);
  return result ?? { kind: "done", parser: parser! };
}

/**
 * Offset in the body of the first invalid UTF-8 byte, given that everything before `chunk` was
 * valid except possibly an incomplete sequence at its end (which lies within `tail`).
 */
function invalidOffset(tail: Uint8Array, chunk: Uint8Array, consumed: number): number {
  let j = tail.length;
  for (let k = tail.length - 1; k >= 0; k--) {
    const b = tail[k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
      if (k + need >= tail.length) j = k; // its sequence is not complete before the chunk
    }
    break;
  }
  const off = firstInvalidUtf8(concat(tail.subarray(j), chunk));
  return off < 0 ? -1 : consumed - (tail.length - j) + off;
}

/**
 * decodeInput's warning for a file read as Windows-1252; `offset` is the first invalid byte's
 * position in the input (-1: unknown), whose line is counted in a pass over the bytes.
 */
function windows1252Warning(source: ByteSource, file: string, offset: number): InputIssue {
  let byte: string | null = null;
  let line: number | null = null;
  if (offset >= 0) {
    let pos = 0;
    let lines = 1;
    source.forEachChunk((chunk) => {
      const end = Math.min(chunk.length, offset - pos);
      for (let i = 0; i < end; i++) if (chunk[i] === 0x0a) lines++;
      if (end < chunk.length) {
        byte = `0x${chunk[end]!.toString(16).toUpperCase().padStart(2, "0")}`;
        return false;
      }
      pos += chunk.length;
      return true;
    });
    line = lines;
  }
  return notUtf8Warning(file, line, byte);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The last `n` bytes of a followed by b (copied: b may be a reused buffer). */
function lastBytes(a: Uint8Array, b: Uint8Array, n: number): Uint8Array {
  if (b.length >= n) return b.slice(b.length - n);
  return concat(a, b.slice()).slice(-n);
}
