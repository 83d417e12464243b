/**
 * Node-only: which measurement data the tools and the site build use. A valid live snapshot in
 * data/jobindsats/ (written by `tidlig-indsats fetch`) wins; otherwise the committed synthetic
 * data set in data/synthetic/. `fetchIfToken` refreshes the live snapshot first when
 * JOBINDSATS_TOKEN is set (a failed fetch leaves the previous snapshot as it was).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SynthManifest } from "../lib/synth/generate.ts";
import type { LiveManifest } from "../lib/jobindsats/manifest.ts";
import { DEFAULT_BASE_URL, redact, type FetchOptions } from "../lib/jobindsats/index.ts";
import { sha256Hex } from "./snapshot.ts";
import { DEFAULT_FROM, DEFAULT_TO, fetchErrorMessage, fetchSnapshot, TOKEN_ENV } from "./fetch.ts";

export const LIVE_DIR = "data/jobindsats";
export const SYNTHETIC_DIR = "data/synthetic";
/** `synthetic` or `live` forces that source (`live` fails when there is no valid snapshot). */
export const DATA_SOURCE_ENV = "TIDLIG_INDSATS_DATA";
/** Another API base URL for the build's fetch (a mirror, or a test's fake server). */
export const BASE_URL_ENV = "JOBINDSATS_BASE_URL";

export interface DataSource {
  readonly kind: "live" | "synthetic";
  readonly dir: string;
  readonly csvPath: string;
  readonly manifestPath: string;
  readonly manifest: LiveManifest | SynthManifest;
  /** Why this source was chosen, for logs (e.g. why the live snapshot was not used). */
  readonly reason: string;
}

type Checked = { ok: true; manifest: LiveManifest | SynthManifest } | { ok: false; problem: string };

/** Checks a snapshot directory: manifest present and of the expected kind, CSV hash matching. */
export function checkSnapshot(dir: string, kind: "live" | "synthetic"): Checked {
  const manifestPath = join(dir, "manifest.json");
  const csvPath = join(dir, "measurements.csv");
  if (!existsSync(manifestPath)) return { ok: false, problem: `${manifestPath} does not exist` };
  if (!existsSync(csvPath)) return { ok: false, problem: `${csvPath} does not exist` };
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (e) {
    return { ok: false, problem: `${manifestPath} is not valid JSON (${(e as Error).message})` };
  }
  if (typeof manifest !== "object" || manifest === null)
    return { ok: false, problem: `${manifestPath} is not a JSON object` };
  const m = manifest as Record<string, unknown>;
  if (m.synthetic !== (kind === "synthetic")) {
    return {
      ok: false,
      problem: `${manifestPath} says "synthetic": ${JSON.stringify(m.synthetic)}, expected ${kind === "synthetic"}`,
    };
  }
  if (typeof m.sha256 !== "string" || typeof m.rows !== "number") {
    return { ok: false, problem: `${manifestPath} lacks sha256 or rows` };
  }
  const actual = sha256Hex(readFileSync(csvPath));
  if (actual !== m.sha256) {
    return {
      ok: false,
      problem: `${csvPath} does not match its manifest (sha256 ${actual.slice(0, 12)}… ≠ ${m.sha256.slice(0, 12)}…)`,
    };
  }
  return { ok: true, manifest: m as unknown as LiveManifest | SynthManifest };
}

/**
 * Picks the data: `root/data/jobindsats/` when it holds a valid live snapshot, else
 * `root/data/synthetic/`. Throws when the chosen source is unusable (the synthetic one is committed,
 * so that means a broken checkout) or when TIDLIG_INDSATS_DATA=live and there is no live snapshot.
 */
export function resolveDataSource(root: string, env: NodeJS.ProcessEnv = process.env): DataSource {
  const force = (env[DATA_SOURCE_ENV] ?? "").trim().toLowerCase();
  if (force && force !== "live" && force !== "synthetic") {
    throw new Error(`${DATA_SOURCE_ENV} must be "live" or "synthetic", got "${env[DATA_SOURCE_ENV]}"`);
  }
  const make = (
    kind: "live" | "synthetic",
    dir: string,
    manifest: LiveManifest | SynthManifest,
    reason: string,
  ): DataSource => ({
    kind,
    dir,
    csvPath: join(dir, "measurements.csv"),
    manifestPath: join(dir, "manifest.json"),
    manifest,
    reason,
  });
  const liveDir = join(root, LIVE_DIR);
  let why: string;
  if (force !== "synthetic") {
    const live = checkSnapshot(liveDir, "live");
    if (live.ok) return make("live", liveDir, live.manifest, `live snapshot in ${LIVE_DIR}`);
    if (force === "live")
      throw new Error(`${DATA_SOURCE_ENV}=live, but there is no valid live snapshot: ${live.problem}`);
    why = existsSync(liveDir) ? `the live snapshot is not usable (${live.problem})` : `no live snapshot in ${LIVE_DIR}`;
  } else {
    why = `${DATA_SOURCE_ENV}=synthetic`;
  }
  const synthDir = join(root, SYNTHETIC_DIR);
  const synth = checkSnapshot(synthDir, "synthetic");
  if (!synth.ok)
    throw new Error(
      `the synthetic data set is not usable: ${synth.problem} (regenerate with: npx tidlig-indsats synth)`,
    );
  return make("synthetic", synthDir, synth.manifest, `${why}; using the synthetic data in ${SYNTHETIC_DIR}`);
}

export interface FetchAttempt {
  /** False when JOBINDSATS_TOKEN is not set (nothing was tried). */
  readonly attempted: boolean;
  readonly ok: boolean;
  /** Why the fetch failed (token redacted), or null. */
  readonly error: string | null;
}

/** Overrides of the fetch the site build makes (tests point it at a fake server). */
export type SiteFetchOptions = Partial<Omit<FetchOptions, "token" | "log">>;

/**
 * When JOBINDSATS_TOKEN is set, refreshes `root/data/jobindsats/` through the typed fetch core
 * (`fetchSnapshot`, no argument parsing); the base URL may come from JOBINDSATS_BASE_URL. Progress
 * and errors go to `log` with the token redacted. A failure leaves the previous snapshot untouched
 * and is returned, never thrown; call resolveDataSource afterwards either way.
 */
export async function fetchIfToken(
  root: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  overrides: SiteFetchOptions = {},
): Promise<FetchAttempt> {
  const token = (env[TOKEN_ENV] ?? "").trim();
  if (!token) return { attempted: false, ok: false, error: null };
  const safeLog = (line: string) => log(`${redact(line, token)}\n`);
  const options: FetchOptions = {
    baseUrl: (env[BASE_URL_ENV] ?? "").trim() || DEFAULT_BASE_URL,
    from: DEFAULT_FROM,
    to: DEFAULT_TO,
    ...overrides,
    token,
    log: safeLog,
  };
  safeLog(`fetching from ${options.baseUrl} (${options.from}..${options.to}) …`);
  try {
    await fetchSnapshot(options, join(root, LIVE_DIR));
    return { attempted: true, ok: true, error: null };
  } catch (e) {
    const error = redact(fetchErrorMessage(e), token);
    safeLog(`fetch failed: ${error}`);
    return { attempted: true, ok: false, error };
  }
}
