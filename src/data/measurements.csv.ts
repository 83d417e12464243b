// Data loader: the measurements the site shows, as canonical long CSV (INTERFACE §1).
// Picks the live Jobindsats snapshot when one exists (data/jobindsats/), else the synthetic
// default (data/synthetic/). Logs to stderr; exits non-zero on failure.
import { readFileSync } from "node:fs";
import { pickDataSource } from "./source.ts";

try {
  const source = pickDataSource();
  process.stderr.write(`measurements: ${source.kind} data from ${source.csvPath}\n`);
  process.stdout.write(readFileSync(source.csvPath));
} catch (e) {
  process.stderr.write(`measurements: ${(e as Error).message}\n`);
  process.exit(1);
}
