// Data loader: the measurements the site shows, as canonical long CSV (INTERFACE §1): the live
// Jobindsats snapshot when there is a valid one (fetched first when JOBINDSATS_TOKEN is set),
// else the synthetic default. Logs to stderr; exits non-zero on failure.
import { readFileSync } from "node:fs";
import { pickDataSource } from "./source.ts";

const log = (s: string) => process.stderr.write(`measurements: ${s}`);
try {
  const source = await pickDataSource(log);
  process.stdout.write(readFileSync(source.csvPath));
} catch (e) {
  log(`${(e as Error).message}\n`);
  process.exit(1);
}
