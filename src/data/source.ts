// Shared by the data loaders: refresh the live snapshot when a token is set (at most once per
// FRESH_MINUTES, so the loaders of one build fetch once), then pick the data to show.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { checkSnapshot, fetchIfToken, resolveDataSource, LIVE_DIR, type DataSource } from "../../cli/data-source.ts";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** A live snapshot younger than this is reused instead of fetched again. */
const FRESH_MINUTES = Number(process.env.TIDLIG_FETCH_MAX_AGE_MINUTES ?? 60);

function isFresh(): boolean {
  const live = checkSnapshot(resolve(ROOT, LIVE_DIR), "live");
  if (!live.ok) return false;
  const fetchedAt = Date.parse(String((live.manifest as { fetchedAt?: string }).fetchedAt ?? ""));
  return Number.isFinite(fetchedAt) && Date.now() - fetchedAt < FRESH_MINUTES * 60_000;
}

export async function pickDataSource(log: (s: string) => void): Promise<DataSource> {
  if (!isFresh()) {
    const io = { stdout: log, stderr: log, env: process.env };
    const attempt = await fetchIfToken(ROOT, process.env, io);
    if (attempt.attempted && !attempt.ok) log(`fetch failed (exit ${attempt.code}); the previous data is kept\n`);
  }
  const source = resolveDataSource(ROOT, process.env);
  log(`${source.reason}\n`);
  return source;
}

export { ROOT };
