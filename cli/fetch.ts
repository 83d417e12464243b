/**
 * `tidlig-indsats fetch`: live figures from the Jobindsats API into DIR/measurements.csv plus
 * DIR/manifest.json, written atomically (a failed or partial fetch leaves the previous snapshot
 * untouched). The token comes from JOBINDSATS_TOKEN only and never appears in output or files.
 */
import { join } from "node:path";
import { parseMonth } from "../lib/domain/month.ts";
import { writeLongCsv } from "../lib/io/long-csv-writer.ts";
import {
  DEFAULT_BASE_URL,
  DEFAULT_BATCH_MONTHS,
  EARLY_EFFORT_SUBJECT_ID,
  HTTP_DEFAULTS,
  JobindsatsError,
  TABLE_ROLES,
  fetchJobindsats,
  liveManifest,
  redact,
  tokenProblem,
  type FetchOptions,
  type LiveManifest,
  type TableRole,
} from "../lib/jobindsats/index.ts";
import { sha256Hex, snapshotTargetProblem, writeSnapshotAtomically, type CommandIo } from "./snapshot.ts";

export const TOKEN_ENV = "JOBINDSATS_TOKEN";
export const DEFAULT_FETCH_OUT = "data/jobindsats";
export const DEFAULT_FROM = "2021-01";
export const DEFAULT_TO = "2025-12";

export const FETCH_USAGE = `usage: tidlig-indsats fetch [--from 2021-01] [--to 2025-12] [--out data/jobindsats]
         [--base-url ${DEFAULT_BASE_URL}] [--tables samtaler=ID,samtaler-dagpenge=ID,tilbud=ID]
  Fetches the early-effort measurements (subject ${EARLY_EFFORT_SUBJECT_ID}) from the Jobindsats API and writes
  OUT/measurements.csv (canonical long CSV) and OUT/manifest.json, atomically.
  The token is read from the environment variable ${TOKEN_ENV} (never from a flag).
  --tables ROLE=ID,…     table ids instead of discovery by name (ROLE=none skips a table);
                         roles: ${TABLE_ROLES.join(", ")}
  --timeout SECONDS      per request (default ${HTTP_DEFAULTS.timeoutMs / 1000})
  --max-attempts N       per request, retries on 429/5xx/time-outs/network errors (default ${HTTP_DEFAULTS.maxAttempts})
  --backoff-ms MS        first retry delay, doubled each time (default ${HTTP_DEFAULTS.backoffBaseMs})
  --batch-months N       months per data request (default ${DEFAULT_BATCH_MONTHS})
  --subject-id N         subject of the tables (default ${EARLY_EFFORT_SUBJECT_ID})
  --label-population RE, --label-without RE, --label-share RE
                         regular expressions (case-insensitive) recognising the measurement columns
`;

/** Alias used by cli/main.ts. */
export const FETCH_HELP = FETCH_USAGE;

class UsageError extends Error {}

interface Parsed {
  from: string;
  to: string;
  out: string;
  baseUrl: string;
  tables: Partial<Record<TableRole, string | null>>;
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  batchMonths: number;
  subjectId: number;
  labels: { population?: RegExp; without?: RegExp; share?: RegExp };
}

function parseArgs(args: string[]): Parsed | "help" {
  const p: Parsed = {
    from: DEFAULT_FROM,
    to: DEFAULT_TO,
    out: DEFAULT_FETCH_OUT,
    baseUrl: DEFAULT_BASE_URL,
    tables: {},
    timeoutMs: HTTP_DEFAULTS.timeoutMs,
    maxAttempts: HTTP_DEFAULTS.maxAttempts,
    backoffBaseMs: HTTP_DEFAULTS.backoffBaseMs,
    batchMonths: DEFAULT_BATCH_MONTHS,
    subjectId: EARLY_EFFORT_SUBJECT_ID,
    labels: {},
  };
  const number = (flag: string, v: string, min: number, integer: boolean): number => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      throw new UsageError(`${flag} must be ${integer ? "a whole number" : "a number"} ≥ ${min}, got "${v}"`);
    }
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--help" || a === "-h") return "help";
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (/^--(token|key|api-key)$/.test(flag)) {
      throw new UsageError(`the token is never given as a flag; set the environment variable ${TOKEN_ENV}`);
    }
    const value = (): string => {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--from":
      case "--to": {
        const v = value();
        const m = parseMonth(v);
        if (!m) throw new UsageError(`${flag} must be a month like 2021-01, got "${v}"`);
        if (flag === "--from") p.from = m;
        else p.to = m;
        break;
      }
      case "--out":
        p.out = value();
        break;
      case "--base-url": {
        const v = value();
        if (!/^https?:\/\/[^\s/]+/i.test(v)) throw new UsageError(`--base-url must be an http(s) URL, got "${v}"`);
        p.baseUrl = v;
        break;
      }
      case "--tables":
        for (const part of value()
          .split(",")
          .filter((s) => s.trim() !== "")) {
          const m = /^\s*([a-z-]+)\s*=\s*(\S+)\s*$/i.exec(part);
          const role = m?.[1]?.toLowerCase() as TableRole | undefined;
          if (!m || !role || !TABLE_ROLES.includes(role)) {
            throw new UsageError(`--tables: "${part}" is not ROLE=ID with ROLE one of ${TABLE_ROLES.join(", ")}`);
          }
          p.tables[role] = /^none$/i.test(m[2]!) ? null : m[2]!;
        }
        break;
      case "--timeout":
        p.timeoutMs = Math.round(number(flag, value(), 0.001, false) * 1000);
        break;
      case "--max-attempts":
        p.maxAttempts = number(flag, value(), 1, true);
        if (p.maxAttempts > 20) throw new UsageError("--max-attempts must be at most 20");
        break;
      case "--backoff-ms":
        p.backoffBaseMs = number(flag, value(), 0, true);
        break;
      case "--batch-months":
        p.batchMonths = number(flag, value(), 1, true);
        break;
      case "--subject-id":
        p.subjectId = number(flag, value(), 1, true);
        break;
      case "--label-population":
      case "--label-without":
      case "--label-share": {
        const v = value();
        let re: RegExp;
        try {
          re = new RegExp(v, "i");
        } catch (e) {
          throw new UsageError(`${flag}: invalid regular expression "${v}": ${(e as Error).message}`);
        }
        const key = flag.slice("--label-".length) as "population" | "without" | "share";
        p.labels[key] = re;
        break;
      }
      default:
        throw new UsageError(`unknown argument "${a}"`);
    }
  }
  if (p.to < p.from) throw new UsageError(`--to ${p.to} comes before --from ${p.from}`);
  return p;
}

/**
 * Exit codes: 0 ok, 1 the fetch failed (nothing written), 2 wrong usage, no or a malformed token,
 * or an --out that cannot be written; 70 an internal error.
 */
export async function runFetch(args: string[], io: CommandIo): Promise<number> {
  const token = (io.env[TOKEN_ENV] ?? "").trim();
  const safe = (s: string) => redact(s, token);
  const err = (s: string) => io.stderr(safe(s));
  let p: Parsed | "help";
  try {
    p = parseArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`fetch: ${e.message}\n${FETCH_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (p === "help") {
    io.stdout(FETCH_USAGE);
    return 0;
  }
  if (!token) {
    err(
      `fetch: no token: set the environment variable ${TOKEN_ENV} to your personal Jobindsats API key ` +
        `(free on registration at jobindsats.dk), e.g. ${TOKEN_ENV}=… npx tidlig-indsats fetch\n`,
    );
    return 2;
  }
  const problem = tokenProblem(token);
  if (problem) {
    err(`fetch: ${problem}\n`);
    return 2;
  }
  const outProblem = snapshotTargetProblem(p.out);
  if (outProblem) {
    err(`fetch: --out ${outProblem}; nothing was fetched\n`);
    return 2;
  }
  const started = Date.now();
  const options: FetchOptions = {
    baseUrl: p.baseUrl,
    token,
    from: p.from,
    to: p.to,
    tables: p.tables,
    timeoutMs: p.timeoutMs,
    maxAttempts: p.maxAttempts,
    backoffBaseMs: p.backoffBaseMs,
    batchMonths: p.batchMonths,
    subjectId: p.subjectId,
    variablePatterns: p.labels,
    log: (line) => err(`${line}\n`),
  };
  err(`Fetching from ${p.baseUrl} (${p.from}..${p.to}) …\n`);
  try {
    const { manifest, requests } = await fetchSnapshot(options, p.out);
    err(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s (${requests} requests).\n`);
    io.stdout(
      safe(
        `Wrote ${join(p.out, "measurements.csv")} (${manifest.rows} rows, ${manifest.municipalities} municipalities, ` +
          `${p.from}..${p.to}) and ${join(p.out, "manifest.json")}; tables: ` +
          `${manifest.tables.map((t) => `${t.role}=${t.id}`).join(", ")}\n`,
      ),
    );
    return 0;
  } catch (e) {
    err(
      `fetch: ${fetchErrorMessage(e)}\nNothing was written; the previous snapshot in ${p.out} (if any) is unchanged.\n`,
    );
    if (isInternalError(e)) {
      // A bug of ours, not a failed fetch: exit 70 like every internal error (cli/main.ts).
      err("This is an unexpected error — please report it.\n");
      return 70;
    }
    return e instanceof RangeError ? 2 : 1;
  }
}

/** A fetch failure as one line (the token is not redacted here: callers do that). */
export function fetchErrorMessage(e: unknown): string {
  return e instanceof JobindsatsError || e instanceof RangeError
    ? e.message
    : `unexpected error: ${e instanceof Error ? e.message : String(e)}`;
}

/** Whether a fetch failure is a bug of ours (not the server, the network or the disk). */
export function isInternalError(e: unknown): boolean {
  const system = typeof (e as NodeJS.ErrnoException | null)?.code === "string"; // e.g. a full disk
  return !(e instanceof JobindsatsError || e instanceof RangeError || system);
}

/**
 * The typed core of `fetch` (used by the CLI and the site's data loader): fetches with `options`
 * and replaces `out/` atomically by measurements.csv + manifest.json. Throws on any failure, in
 * which case `out/` is unchanged.
 */
export async function fetchSnapshot(
  options: FetchOptions,
  out: string,
): Promise<{ manifest: LiveManifest; requests: number }> {
  const result = await fetchJobindsats(options);
  const csv = writeLongCsv(result.cells);
  const manifest = liveManifest(result, {
    baseUrl: options.baseUrl,
    subjectId: options.subjectId ?? EARLY_EFFORT_SUBJECT_ID,
    fetchedAt: new Date().toISOString(),
    sha256: sha256Hex(csv),
  });
  const manifestText = JSON.stringify(manifest, null, 2) + "\n";
  if (options.token && (csv.includes(options.token) || manifestText.includes(options.token))) {
    // Defence in depth: never write a file holding the token.
    throw new JobindsatsError("data", "refusing to write: the data would contain the token");
  }
  writeSnapshotAtomically(out, { "measurements.csv": csv, "manifest.json": manifestText });
  return { manifest, requests: result.requests };
}
