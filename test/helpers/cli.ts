/** The CLI run in-process, for tests that compare what a page shows with what the CLI says. */
import { expect } from "vitest";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../cli/main.ts";

// A path, not `new URL(…)`: under happy-dom the global URL is the DOM's, which node:url refuses.
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The site's default data. */
export const SYNTHETIC = "data/synthetic/measurements.csv";

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    cwd: PROJECT_ROOT,
  });
  return { code, stdout, stderr };
}

export interface CliDocument {
  period: string;
  municipalities: { code: string; name: string; status: string; criteria: { id: string; status: string }[] }[];
}

/**
 * `evaluate --format json` on the synthetic data (or another --input given first in args); fails
 * the test on a non-zero exit.
 */
export async function cliEvaluate(...args: string[]): Promise<CliDocument> {
  const input = args.includes("--input") ? [] : ["--input", SYNTHETIC];
  const r = await runCli("evaluate", ...input, "--format", "json", ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliDocument;
}

/** Status per municipality code. */
export async function cliStatuses(...args: string[]): Promise<Map<string, string>> {
  return new Map((await cliEvaluate(...args)).municipalities.map((m) => [m.code, m.status]));
}
