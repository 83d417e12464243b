// Data loader: where the shown data comes from (synthetic or live, source, fetched-at, SHA-256,
// row counts), for the banner and the /data page. Never contains the token.
import { relative } from "node:path";
import { pickDataSource, ROOT } from "./source.ts";

const log = (s: string) => process.stderr.write(`provenance: ${s}`);
try {
  const source = await pickDataSource(log);
  const provenance = {
    kind: source.kind,
    synthetic: source.kind === "synthetic",
    file: relative(ROOT, source.csvPath),
    reason: source.reason,
    manifest: source.manifest,
  };
  process.stdout.write(JSON.stringify(provenance, null, 2));
} catch (e) {
  log(`${(e as Error).message}\n`);
  process.exit(1);
}
