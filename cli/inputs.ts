/** Reading the files named on the command line into one validated set of measurements. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { mergeMeasurements } from "../lib/import/index.ts";
import { readMeasurementsFile } from "./read-file.ts";
import type { Measurements } from "../lib/domain/measurements.ts";

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

export function loadInputs(files: readonly string[], cwd: string): LoadedInputs {
  const parts: Measurements[] = [];
  for (const file of files) {
    // Read in chunks (cli/read-file.ts): the whole file is never in memory at once.
    parts.push(readMeasurementsFile(resolve(cwd, file), file));
  }
  return {
    measurements: parts.length === 1 ? parts[0]! : mergeMeasurements(parts),
    synthetic: files.some((f) => isSyntheticFile(resolve(cwd, f))),
  };
}
