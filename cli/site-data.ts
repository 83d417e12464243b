/**
 * Node-only: the site's ONE data decision. Which measurements the site shows and the provenance it
 * states are made in one run from the same bytes: refresh the live snapshot when a token is set,
 * pick the source, read its CSV once, and describe exactly those bytes (their SHA-256 is computed
 * here, not copied from a manifest). The data loader src/data/site.tar.ts writes both files.
 */
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { LiveManifest } from "../lib/jobindsats/manifest.ts";
import type { SynthManifest } from "../lib/synth/generate.ts";
import {
  checkSnapshot,
  DATA_SOURCE_ENV,
  fetchIfToken,
  LIVE_DIR,
  resolveDataSource,
  type SiteFetchOptions,
} from "./data-source.ts";
import { sha256Hex } from "./snapshot.ts";
import { parseLongCsv } from "../lib/import/long-csv.ts";
import { encodeMeasurementsBinary } from "../lib/io/measurements-binary.ts";

/** A live snapshot younger than this many minutes is reused instead of fetched again. */
export const FETCH_MAX_AGE_ENV = "TIDLIG_FETCH_MAX_AGE_MINUTES";

/** What the build did about live data, shown on every page when a fetch failed. */
export type FetchOutcome =
  | { readonly attempted: false; readonly why: "no-token" | "fresh" }
  | { readonly attempted: true; readonly ok: true }
  | { readonly attempted: true; readonly ok: false; readonly error: string };

/** provenance.json: everything the pages say about the data. Never holds the token. */
export interface SiteProvenance {
  readonly kind: "live" | "synthetic";
  readonly synthetic: boolean;
  /** The source file, relative to the project root (e.g. data/synthetic/measurements.csv). */
  readonly file: string;
  /** SHA-256 of the very bytes of measurements.csv shipped beside this file. */
  readonly sha256: string;
  readonly bytes: number;
  /** When this decision was made (the build), ISO 8601. */
  readonly decidedAt: string;
  /** The version of the rules module (package.json) the site was built with. */
  readonly rulesVersion: string;
  readonly reason: string;
  readonly fetch: FetchOutcome;
  readonly manifest: LiveManifest | SynthManifest;
  /** The same rows as typed columns (measurements.bin), made from the CSV above, for the pages. */
  readonly binary: { readonly file: "measurements.bin"; readonly sha256: string; readonly bytes: number };
}

export interface SiteData {
  readonly csv: Buffer;
  readonly binary: Uint8Array;
  readonly provenance: SiteProvenance;
}

export interface DecideOptions {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
  /** Overrides of the fetch (tests: the fake server, fewer attempts). */
  readonly fetch?: SiteFetchOptions;
  readonly now?: () => Date;
}

function liveIsFresh(root: string, env: NodeJS.ProcessEnv, now: Date): boolean {
  const minutes = Number(env[FETCH_MAX_AGE_ENV] ?? 60);
  const live = checkSnapshot(resolve(root, LIVE_DIR), "live");
  if (!live.ok || !Number.isFinite(minutes)) return false;
  const fetchedAt = Date.parse(String((live.manifest as { fetchedAt?: unknown }).fetchedAt ?? ""));
  return Number.isFinite(fetchedAt) && now.getTime() - fetchedAt < minutes * 60_000;
}

/**
 * The decision. Throws (the build fails) when no usable data exists, or when live data was
 * demanded (TIDLIG_INDSATS_DATA=live) and the fetch failed; otherwise a failed fetch is recorded in
 * `provenance.fetch` so every page can say so.
 */
export async function decideSiteData(options: DecideOptions): Promise<SiteData> {
  const { root, env, log } = options;
  const now = options.now?.() ?? new Date();
  let fetch: FetchOutcome;
  if (!(env.JOBINDSATS_TOKEN ?? "").trim()) fetch = { attempted: false, why: "no-token" };
  else if (liveIsFresh(root, env, now)) fetch = { attempted: false, why: "fresh" };
  else {
    const r = await fetchIfToken(root, env, log, options.fetch);
    fetch = r.ok ? { attempted: true, ok: true } : { attempted: true, ok: false, error: r.error ?? "unknown error" };
  }
  const forced = (env[DATA_SOURCE_ENV] ?? "").trim().toLowerCase();
  if (fetch.attempted && !fetch.ok && forced === "live") {
    throw new Error(`${DATA_SOURCE_ENV}=live, but the live fetch failed: ${fetch.error}`);
  }
  const source = resolveDataSource(root, env);
  const csv = readFileSync(source.csvPath);
  const sha256 = sha256Hex(csv);
  // The manifest was checked against the file a moment ago; if the file changed since, stop.
  if (sha256 !== source.manifest.sha256) {
    throw new Error(`${source.csvPath} changed while the build read it (sha256 ${sha256.slice(0, 12)}…); build again`);
  }
  const reason = fetch.attempted && !fetch.ok ? `live fetch failed (${fetch.error}); ${source.reason}` : source.reason;
  log(`${reason}\n`);
  // The pages' compact form, from these very bytes (a CSV the importer rejects fails the build).
  const binary = encodeMeasurementsBinary(parseLongCsv(new TextDecoder().decode(csv), relative(root, source.csvPath)));
  return {
    csv,
    binary,
    provenance: {
      kind: source.kind,
      synthetic: source.kind === "synthetic",
      file: relative(root, source.csvPath),
      sha256,
      bytes: csv.length,
      decidedAt: now.toISOString(),
      rulesVersion: (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version,
      reason,
      fetch,
      manifest: source.manifest,
      binary: { file: "measurements.bin", sha256: sha256Hex(binary), bytes: binary.length },
    },
  };
}

/** A minimal POSIX ustar archive of regular files (what Framework's archive loaders extract). */
export function tarArchive(files: Readonly<Record<string, Uint8Array | string>>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const body = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
    const header = Buffer.alloc(512);
    const field = (offset: number, length: number, value: string) => header.write(value, offset, length, "utf8");
    const octal = (offset: number, length: number, n: number) =>
      field(offset, length, n.toString(8).padStart(length - 1, "0"));
    field(0, 100, name);
    octal(100, 8, 0o644);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, body.length);
    octal(136, 12, 0);
    field(148, 8, "        ");
    field(156, 1, "0");
    field(257, 6, "ustar\0");
    field(263, 2, "00");
    let sum = 0;
    for (const byte of header) sum += byte;
    field(148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** The archive src/data/site.tar.ts emits: data/site/measurements.csv, .bin and provenance.json. */
export function siteArchive(data: SiteData): Buffer {
  return tarArchive({
    "measurements.csv": data.csv,
    "measurements.bin": data.binary,
    "provenance.json": `${JSON.stringify(data.provenance, null, 2)}\n`,
  });
}
