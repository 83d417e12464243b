// Data loader (archive): the measurements the site shows AND their provenance, from one decision
// in one run (cli/site-data.ts), so the two can never disagree. Pages read data/site/measurements.csv
// and data/site/provenance.json. Logs to stderr; exits non-zero on failure.
import { fileURLToPath } from "node:url";
import { decideSiteData, siteArchive } from "../../cli/site-data.ts";

const log = (s: string) => process.stderr.write(`site data: ${s}`);
try {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  process.stdout.write(siteArchive(await decideSiteData({ root, env: process.env, log })));
} catch (e) {
  log(`${(e as Error).message}\n`);
  process.exit(1);
}
