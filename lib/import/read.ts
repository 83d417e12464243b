/**
 * Entry points for user input (CLI --input files, files dropped on the site, pasted text):
 * decode, detect the format, parse; and merge several inputs. Browser-safe.
 */
import type { InputIssue } from "../domain/issues.ts";
import { InputError } from "../domain/issues.ts";
import type { Measurements } from "../domain/measurements.ts";
import type { Cell } from "../domain/types.ts";
import { decodeInput } from "./decode.ts";
import { detectFormat } from "./sniff.ts";
import { parseLongCsv } from "./long-csv.ts";
import { parseWideTable } from "./wide.ts";
import { bytesSource, readMeasurementsFromSource } from "./stream.ts";
import { cellOrigin, DEFAULT_MAX_ERRORS, numericCellKey, registerOrigins, type ImportOptions } from "./common.ts";

export { detectFormat, type InputFormat } from "./sniff.ts";

/**
 * Reads one input: bytes are decoded (BOM, UTF-16, Windows-1252 fallback with a warning), then
 * the format is detected and parsed. Throws InputError (with every error and warning) on bad input.
 * A long CSV given as bytes is decoded and parsed in chunks (options.chunkSize bytes, 16 KB by
 * default; see stream.ts), so its whole text is never held at once; the result is the same.
 */
export function readMeasurements(input: Uint8Array | string, file: string, options: ImportOptions = {}): Measurements {
  if (typeof input === "string") return readText(input, file, options);
  return readMeasurementsFromSource(bytesSource(input, options.chunkSize), file, options, readWhole);
}

/** The whole-input path: decode everything, detect the format, parse the text. */
export function readWhole(bytes: Uint8Array, file: string, options: ImportOptions = {}): Measurements {
  const d = decodeInput(bytes, file);
  return readText(
    d.text,
    file,
    d.warnings.length ? { ...options, warnings: [...(options.warnings ?? []), ...d.warnings] } : options,
  );
}

function readText(text: string, file: string, opts: ImportOptions): Measurements {
  return detectFormat(text) === "long" ? parseLongCsv(text, file, opts) : parseWideTable(text, file, opts);
}

/**
 * Merges the inputs of several files into one. A cell given in two inputs is an error naming
 * both places (all such duplicates are reported, up to the error cap).
 */
export function mergeMeasurements(parts: readonly Measurements[], options: ImportOptions = {}): Measurements {
  if (parts.length === 1) return parts[0]!;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const cells: Cell[] = [];
  const files: string[] = [];
  const fileIndex: number[] = [];
  const lines: number[] = [];
  const names = new Map<string, string>();
  const warnings: InputIssue[] = [];
  const errors: InputIssue[] = [];
  let truncated = false;
  const seen = new Map<number | string, number>();
  for (const part of parts) {
    warnings.push(...part.warnings);
    for (const [code, name] of part.names) if (!names.has(code)) names.set(code, name);
    part.cells.forEach((c, i) => {
      const o = cellOrigin(part, i);
      const key = numericCellKey(c.municipalityCode, c.benefitGroup, c.measure, c.month);
      const prev = seen.get(key);
      if (prev !== undefined) {
        if (errors.length >= maxErrors) {
          truncated = true;
          return;
        }
        const p = { file: files[fileIndex[prev]!]!, line: lines[prev]! };
        const where = (x: { file: string; line: number } | null) =>
          x ? (x.line ? `${x.file}:${x.line}` : x.file) : "another input";
        errors.push({
          code: "duplicate-across-inputs",
          severity: "error",
          file: o?.file ?? "",
          line: o?.line || null,
          column: null,
          columnName: null,
          value: null,
          message:
            `duplicate cell across inputs: municipality ${c.municipalityCode}, ${c.benefitGroup}, ${c.measure}, ${c.month} ` +
            `is given both in ${where(p)} and in ${where(o)}`,
        });
        return;
      }
      seen.set(key, cells.length);
      cells.push(c);
      const f = o?.file ?? "";
      let fi = files.indexOf(f);
      if (fi < 0) fi = files.push(f) - 1;
      fileIndex.push(fi);
      lines.push(o?.line ?? 0);
    });
  }
  if (errors.length) throw new InputError([...errors, ...warnings], truncated);
  const merged: Measurements = { cells, names, warnings };
  return registerOrigins(merged, { files, fileIndex, lines });
}
