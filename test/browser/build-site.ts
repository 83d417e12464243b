/**
 * Build the site once per test run, with no network when the machine allows it, for the offline
 * build test and the browser tests. Used by global-setup.ts (vitest globalSetup).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Output folder; TIDLIG_DIST lets several test runs on one machine build side by side. */
export const DIST = resolve(PROJECT, process.env.TIDLIG_DIST ?? "dist");

/** The test files that need the built site: the offline build test and the browser tests. */
export function needsSite(file: string): boolean {
  return /[\\/]test[\\/](browser[\\/]|offline-build\.test\.ts$)/.test(file);
}

export function isBrowserTest(file: string): boolean {
  return /[\\/]test[\\/]browser[\\/].*\.test\.ts$/.test(file);
}

/**
 * The test files that wait for the site build to end: those that need the site, and
 * site-rebuild.test.ts, which refills the offline npm cache that the build reads (src/.observablehq).
 */
export function runsAfterSiteBuild(file: string): boolean {
  return needsSite(file) || /[\\/]test[\\/]site-rebuild\.test\.ts$/.test(file);
}

export interface SiteBuild {
  /** true when `dist/` holds a fresh build of this run (or a reused one, see `reused`). */
  ok: boolean;
  /** The build ran in a network namespace of its own (`unshare -n`): no network at all. */
  networkIsolated: boolean;
  /** Why the build was not network-isolated (or not run), for a clear skip message. */
  note: string;
  /** TIDLIG_REUSE_DIST=1 and dist/ existed: nothing was built. */
  reused: boolean;
  /** Combined stdout+stderr of the build (tail). */
  log: string;
  durationMs: number;
}

/** The unshare invocation that gives a command an empty network namespace here, if any. */
export function unsharePrefix(): { prefix: string[] } | { reason: string } {
  const probe = (args: string[]) => spawnSync("unshare", [...args, "true"], { stdio: "ignore" });
  const root = probe(["-n"]);
  if (root.error) return { reason: `unshare is not available (${root.error.message})` };
  if (root.status === 0) return { prefix: ["unshare", "-n"] };
  // Not root: an unprivileged user namespace may still grant a private network namespace.
  if (probe(["-r", "-n"]).status === 0) return { prefix: ["unshare", "-r", "-n"] };
  return { reason: "unshare -n is not permitted here (needs root or unprivileged user namespaces)" };
}

export async function buildSite(): Promise<SiteBuild> {
  const started = Date.now();
  if (process.env.TIDLIG_REUSE_DIST === "1" && existsSync(join(DIST, "index.html"))) {
    return {
      ok: true,
      networkIsolated: false,
      reused: true,
      log: "",
      durationMs: 0,
      note: "TIDLIG_REUSE_DIST=1: reused the existing dist/ instead of building",
    };
  }
  await rm(DIST, { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const observable = require.resolve("@observablehq/framework/dist/bin/observable.js");
  const tsx = require.resolve("tsx");
  const isolation = unsharePrefix();
  const prefix = "prefix" in isolation ? isolation.prefix : [];
  // Same steps as `npm run build` (prebuild + build + postbuild), without npm (which would try the registry).
  const script = [
    `"${process.execPath}" --import "${tsx}" scripts/offline/prepare.ts`,
    `"${process.execPath}" "${observable}" build`,
    `"${process.execPath}" --import "${tsx}" scripts/postbuild-a11y.ts`,
  ].join(" && ");
  // Asynchronous: vitest's main process, which runs this, keeps serving its workers meanwhile.
  const result = await new Promise<{ status: number | null; output: string; error?: Error }>((resolve) => {
    const child = spawn(prefix[0] ?? "sh", [...prefix.slice(1), ...(prefix.length ? ["sh"] : []), "-c", script], {
      cwd: PROJECT,
      // Framework runs `.ts` data loaders with the `tsx` command: make sure the project's is on PATH.
      env: {
        ...process.env,
        PATH: `${join(PROJECT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf-8")).slice(-1_000_000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) => resolve({ status: null, output, error }));
    child.on("close", (status) => resolve({ status, output }));
  });
  const log = `${result.output}${result.error ? String(result.error) : ""}`;
  return {
    ok: result.status === 0 && existsSync(join(DIST, "index.html")),
    networkIsolated: prefix.length > 0,
    note: "reason" in isolation ? isolation.reason : `built under ${prefix.join(" ")}`,
    reused: false,
    log: log.split("\n").slice(-80).join("\n"),
    durationMs: Date.now() - started,
  };
}
