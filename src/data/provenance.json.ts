// Data loader: where the shown data comes from (synthetic or live, source, fetched-at, SHA-256,
// row counts), for the banner and the /data page.
import { pickDataSource } from "./source.ts";

try {
  const source = pickDataSource();
  process.stdout.write(JSON.stringify({ kind: source.kind, synthetic: source.kind === "synthetic", file: source.relativeCsvPath, manifest: source.manifest }, null, 2));
} catch (e) {
  process.stderr.write(`provenance: ${(e as Error).message}\n`);
  process.exit(1);
}
