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
import { sha256Hex, type CommandIo } from "./snapshot.ts";
import { runFetch, TOKEN_ENV } from "./fetch.ts";

export const LIVE_DIR = "data/jobindsats";
export const SYNTHETIC_DIR = "data/synthetic";
/** `synthetic` or `live` forces that source (`live` fails when there is no valid snapshot). */
export const DATA_SOURCE_ENV = "TIDLIG_INDSATS_DATA";

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
  /** Exit code of the fetch (0 ok, 1 failed, 2 usage), or null when not attempted. */
  readonly code: number | null;
}

/**
 * When JOBINDSATS_TOKEN is set, refreshes `root/data/jobindsats/` with `tidlig-indsats fetch`
 * (extra arguments e.g. ["--from", "2024-01"]); progress and errors go to io.stderr. A failure
 * leaves the previous snapshot untouched; call resolveDataSource afterwards either way.
 */
export async function fetchIfToken(
  root: string,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  extraArgs: readonly string[] = [],
): Promise<FetchAttempt> {
  if (!(env[TOKEN_ENV] ?? "").trim()) return { attempted: false, ok: false, code: null };
  const code = await runFetch(["--out", join(root, LIVE_DIR), ...extraArgs], { ...io, env });
  return { attempted: true, ok: code === 0, code };
}
