/** Reading the files named on the command line into one validated set of measurements. */
import { existsSync, readFileSync, readSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { mergeMeasurements, readMeasurements } from "../lib/import/index.ts";
import { readMeasurementsFile } from "./read-file.ts";
import { UsageError } from "./io.ts";
import type { Measurements } from "../lib/domain/measurements.ts";
import type { Month } from "../lib/domain/types.ts";
import { monthFromIndex, monthIndex } from "../lib/domain/month.ts";

/** `--input -` reads standard input; messages call it this. */
export const STDIN_INPUT = "-";
export const STDIN_NAME = "<stdin>";

export interface LoadedInputs {
  readonly measurements: Measurements;
  /** True when any file is marked synthetic by the manifest beside it. */
  readonly synthetic: boolean;
}

/**
 * Whether a manifest.json beside the file says the data is synthetic. Fails closed: a manifest
 * that cannot be read, or does not say `"synthetic": false`, counts as synthetic.
 */
export function isSyntheticFile(path: string): boolean {
  const manifest = join(dirname(path), "manifest.json");
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, "utf8")) as { synthetic?: unknown } | null)?.synthetic !== false;
  } catch {
    return true;
  }
}

/**
 * Reads and merges the inputs; `-` is standard input, read whole and then decoded exactly as a
 * file is (UTF-8 with or without BOM, UTF-16, Windows-1252 with a warning).
 */
export function loadInputs(
  files: readonly string[],
  cwd: string,
  readStdin: () => Uint8Array = readAllStdin,
): LoadedInputs {
  if (files.filter((f) => f === STDIN_INPUT).length > 1) {
    throw new UsageError("--input - (standard input) can be given only once");
  }
  const parts: Measurements[] = [];
  for (const file of files) {
    if (file === STDIN_INPUT) parts.push(readMeasurements(readStdin(), STDIN_NAME));
    // Read in chunks (cli/read-file.ts): the whole file is never in memory at once.
    else parts.push(readMeasurementsFile(resolve(cwd, file), file));
  }
  return {
    measurements: parts.length === 1 ? parts[0]! : mergeMeasurements(parts),
    synthetic: files.some((f) => f !== STDIN_INPUT && isSyntheticFile(resolve(cwd, f))),
  };
}

/** All of standard input (a pipe, a file or a terminal) until its end. */
export function readAllStdin(): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const buffer = new Uint8Array(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        // A non-blocking pipe with nothing yet: wait a moment and read on.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(buffer.slice(0, n));
    total += n;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A note when no month of the window is in the data (e.g. `--period 2019H1` on data from 2021):
 * every verdict would be undecidable, and the note says which months the data covers instead.
 * Null when the window meets the data.
 */
export function windowOutsideDataNote(m: Measurements, window: readonly Month[], label: string): string | null {
  const months = monthsOf(m);
  if (months.size === 0 || window.some((w) => months.has(monthIndex(w)))) return null;
  const sorted = [...months].sort((a, b) => a - b);
  const first = monthFromIndex(sorted[0]!);
  const last = monthFromIndex(sorted[sorted.length - 1]!);
  const gaps = sorted.length !== sorted[sorted.length - 1]! - sorted[0]! + 1;
  return (
    `note: no month of the period ${label} is in the data; the data covers ${first === last ? first : `${first}..${last}`}` +
    `${gaps ? ` (${sorted.length} months, with gaps)` : ""}, so nothing in this period can be decided\n`
  );
}

function monthsOf(m: Measurements): Set<number> {
  const out = new Set<number>();
  const columns = m.columns;
  if (columns) for (let i = 0; i < columns.length; i++) out.add(columns.month[i]!);
  else for (const c of m.cells) out.add(monthIndex(c.month));
  return out;
}
