/** Reading the files named on the command line into one validated set of measurements. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { mergeMeasurements, readMeasurements } from "../lib/import/index.ts";
import { InputError } from "../lib/domain/issues.ts";
import type { Measurements } from "../lib/domain/measurements.ts";

export interface LoadedInputs {
  readonly measurements: Measurements;
  /** True when any file is marked synthetic by the manifest beside it. */
  readonly synthetic: boolean;
}

/** Whether a manifest.json beside the file says the data is synthetic. */
export function isSyntheticFile(path: string): boolean {
  const manifest = join(dirname(path), "manifest.json");
  if (!existsSync(manifest)) return false;
  try {
    return JSON.parse(readFileSync(manifest, "utf8")).synthetic === true;
  } catch {
    return false;
  }
}

export function loadInputs(files: readonly string[], cwd: string): LoadedInputs {
  const parts: Measurements[] = [];
  for (const file of files) {
    const path = resolve(cwd, file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
      throw new InputError([{ severity: "error", file, line: null, column: null, columnName: null, value: null, message: `cannot read the file: ${reason}` }]);
    }
    parts.push(readMeasurements(bytes, file));
  }
  return {
    measurements: parts.length === 1 ? parts[0]! : mergeMeasurements(parts),
    synthetic: files.some((f) => isSyntheticFile(resolve(cwd, f))),
  };
}
