// Which data the site is built on: a valid live snapshot (data/jobindsats/) wins over the
// synthetic default (data/synthetic/). A snapshot is valid when its manifest's SHA-256 matches.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface DataSource {
  readonly kind: "live" | "synthetic";
  readonly csvPath: string;
  readonly relativeCsvPath: string;
  readonly manifest: Record<string, unknown>;
}

function snapshot(dir: string, kind: DataSource["kind"]): DataSource | null {
  const csvPath = join(ROOT, dir, "measurements.csv");
  const manifestPath = join(ROOT, dir, "manifest.json");
  if (!existsSync(csvPath) || !existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
  const sha = createHash("sha256").update(readFileSync(csvPath)).digest("hex");
  if (manifest.sha256 !== sha) throw new Error(`${dir}: the manifest's SHA-256 does not match measurements.csv (${sha})`);
  return { kind, csvPath, relativeCsvPath: relative(ROOT, csvPath), manifest };
}

export function pickDataSource(): DataSource {
  const source = snapshot("data/jobindsats", "live") ?? snapshot("data/synthetic", "synthetic");
  if (!source) throw new Error("no data: neither data/jobindsats/ nor data/synthetic/ holds measurements.csv with manifest.json");
  return source;
}
