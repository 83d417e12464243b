/**
 * Bytes → text for user files. Browser-safe (TextDecoder only): the same code reads a file
 * given to the CLI and a file dropped on the site.
 *
 * - UTF-8, with or without a byte-order mark (stripped).
 * - UTF-16 with a byte-order mark (what Excel's "Unicode text" export writes) — decoded silently.
 * - Anything that is not valid UTF-8 is read as Windows-1252 (what Danish Excel writes for
 *   "CSV (semikolonsepareret)"), with a warning naming the file and the first offending byte.
 */
import type { InputIssue } from "../domain/issues.ts";
import { byteOrderMark, stripBom } from "./sniff.ts";

export interface DecodedInput {
  readonly text: string;
  readonly warnings: InputIssue[];
}

/** The warning for a file read as Windows-1252 because it is not valid UTF-8. */
export function notUtf8Warning(file: string, line: number | null, byte: string | null): InputIssue {
  return {
    code: "not-utf8",
    severity: "warning",
    file,
    line,
    column: null,
    columnName: null,
    value: byte,
    message:
      `the file is not valid UTF-8` +
      (byte ? ` (first invalid byte ${byte})` : "") +
      `; it was read as Windows-1252 (as saved by Danish Excel). Check that letters such as æ, ø, å look right`,
  };
}

export function decodeInput(bytes: Uint8Array, file: string): DecodedInput {
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== "utf-8") {
    return { text: stripBom(new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length))), warnings: [] };
  }
  const body = bom ? bytes.subarray(bom.length) : bytes;
  try {
    // ignoreBOM: the BOM (if any) was removed above; a second one would be content.
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), warnings: [] };
  } catch {
    const text = new TextDecoder("windows-1252").decode(body);
    const offset = firstInvalidUtf8(body);
    const line = offset < 0 ? null : lineOfOffset(body, offset);
    const byte = offset < 0 ? null : `0x${body[offset]!.toString(16).toUpperCase().padStart(2, "0")}`;
    return { text, warnings: [notUtf8Warning(file, line, byte)] };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or −1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i; // truncated at the end of the file
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfOffset(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}
