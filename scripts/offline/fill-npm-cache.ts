/**
 * Fill Observable Framework's npm cache from node_modules so that `observable build` and
 * `observable preview` never touch the network.
 *
 * Why: Framework 1.13.4 resolves every `npm:` import — including the implicit globals (d3, Plot,
 * Inputs' htl, aq, Arrow, DuckDBClient) and its own stdlib's imports — by downloading jsDelivr
 * "+esm" bundles, and asks registry.npmjs.org for versions. There is no switch to turn that off.
 * It does, however, reuse anything already present in `<root>/.observablehq/cache/_npm/
 * <name>@<version>/` (`_esm.js` for a package entry, the file itself for assets such as the
 * DuckDB .wasm), and picks a cached version that satisfies a range before asking the registry.
 * So we play jsDelivr ourselves: bundle each package from node_modules into one browser ES
 * module (esbuild, platform=browser, which also honours package.json "browser" maps that
 * Framework's own `_node` bundler ignores — arquero needs that), leaving the packages that several
 * others share (d3, apache-arrow, htl, ...) as imports rewritten to the relative `_npm` layout,
 * exactly where jsDelivr's output would have put them. The cache layout is a Framework-internal
 * detail: this is tied to the exact pin of @observablehq/framework (1.13.4) in package.json, and
 * test/offline-build.test.ts proves it still holds by building under `unshare -n`.
 *
 * Idempotent: a stamp records the inputs (versions + this script); a second run is a no-op.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Framework's root is `src` (see observablehq.config.ts). */
export const FRAMEWORK_ROOT = join(PROJECT, "src");
export const NPM_CACHE = join(FRAMEWORK_ROOT, ".observablehq", "cache", "_npm");
const STAMP = join(FRAMEWORK_ROOT, ".observablehq", "cache", "offline-npm-stamp.json");

/**
 * Packages shipped into the cache. Every one of them is also kept external (shared) when another
 * shipped package imports it, so e.g. Plot and the page share one d3, and DuckDB shares Arrow.
 * Anything else a package needs is inlined into its bundle.
 */
export const SHIPPED = [
  "d3",
  "d3-dsv",
  "htl",
  "isoformat",
  "@observablehq/plot",
  "apache-arrow",
  "arquero",
  "@duckdb/duckdb-wasm",
] as const;

/** Non-JS files Framework asks for by path (getImplicitDownloads in framework dist/libraries.js). */
const ASSETS: Record<string, string[]> = {
  "@duckdb/duckdb-wasm": [
    "dist/duckdb-mvp.wasm",
    "dist/duckdb-browser-mvp.worker.js",
    "dist/duckdb-eh.wasm",
    "dist/duckdb-browser-eh.worker.js",
  ],
};

/**
 * Framework's client bundles (client.js, stdlib.js, ...) name many optional libraries (lodash,
 * echarts, react-dom, ...) that this site does not use. Bundling them only needs a *version* for
 * each, which Framework reads from the cache folder names; an empty `<name>@0.0.0-offline/` folder
 * satisfies it without the registry. A page that really imports one of them fails the build with
 * "unable to fetch" — add it to SHIPPED instead.
 */
const PLACEHOLDER_VERSION = "0.0.0-offline";
/** Framework serves these itself (`builtins` in framework dist/resolvers.js). */
const FRAMEWORK_BUILTINS = new Set(
  ["runtime", "stdlib", "dot", "duckdb", "inputs", "mermaid", "tex", "sqlite"].map((n) => `@observablehq/${n}`),
);

async function clientNpmNames(frameworkDir: string): Promise<Set<string>> {
  const names = new Set<string>();
  const files = await readdir(join(frameworkDir, "dist", "client"), { recursive: true });
  for (const file of files) {
    if (!file.endsWith(".js")) continue;
    const text = await readFile(join(frameworkDir, "dist", "client", file), "utf-8");
    for (const m of text.matchAll(/["'`]npm:([^"'`]+)["'`]/g)) names.add(packageNameOf(m[1]!));
  }
  return names;
}

interface Pkg {
  name: string;
  version: string;
  dir: string;
}

/** Find `<dir>/node_modules/<name>` walking up from `from` (Node's lookup, ignoring "exports"). */
function findPackage(name: string, from: string): Pkg | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, "node_modules", name, "package.json");
    if (existsSync(candidate)) {
      const json = JSON.parse(readFileSync(candidate, "utf-8")) as { version: string };
      return { name, version: json.version, dir: dirname(candidate) };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Path of a package's entry bundle inside the cache, relative to the cache's `_npm` directory. */
function entryPath(pkg: Pick<Pkg, "name" | "version">): string {
  return `${pkg.name}@${pkg.version}/_esm.js`;
}

/** Bundle one package to `_npm/<name>@<version>/_esm.js`; returns the shared packages it imports. */
async function bundlePackage(pkg: Pkg): Promise<Pkg[]> {
  const deps = new Map<string, Pkg>();
  const up = "../".repeat(pkg.name.split("/").length);
  const shareDeps: Plugin = {
    name: "share-deps",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const name = packageNameOf(args.path);
        if (name === pkg.name || args.path !== name) return undefined; // inline subpaths and self
        if (!(SHIPPED as readonly string[]).includes(name)) return undefined;
        const dep = findPackage(name, args.resolveDir);
        if (!dep) throw new Error(`${pkg.name}: cannot find dependency ${name} from ${args.resolveDir}`);
        deps.set(`${dep.name}@${dep.version}`, dep);
        return { path: up + entryPath(dep), external: true };
      });
    },
  };
  // duckdb-wasm's getJsDelivrBundles() (which Framework never calls: it passes its own bundles)
  // spells out the jsDelivr base URL. Point it at the local `_npm` layout instead, so the built site
  // holds no CDN address at all and the offline test can insist on that.
  const noCdn: Plugin = {
    name: "no-cdn",
    setup(b) {
      if (pkg.name !== "@duckdb/duckdb-wasm") return;
      b.onLoad({ filter: /duckdb-browser\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, "utf-8");
        const cdn = '"https://cdn.jsdelivr.net/npm/"';
        const count = source.split(cdn).length - 1;
        if (count !== 1) throw new Error(`fill-npm-cache: expected one ${cdn} in ${args.path}, found ${count}`);
        return { contents: source.replace(cdn, '"/_npm/"'), loader: "js" };
      });
    },
  };
  const outfile = join(NPM_CACHE, entryPath(pkg));
  await build({
    entryPoints: [pkg.name],
    absWorkingDir: pkg.dir.slice(0, -`/node_modules/${pkg.name}`.length), // resolves `pkg.name` to pkg.dir
    nodePaths: [],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    outfile,
    logLevel: "error",
    plugins: [shareDeps, noCdn],
  });
  for (const asset of ASSETS[pkg.name] ?? []) {
    const target = join(NPM_CACHE, `${pkg.name}@${pkg.version}`, asset);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(pkg.dir, asset), target);
  }
  return [...deps.values()];
}

async function stampOf(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  for (const name of SHIPPED) {
    const pkg = findPackage(name, PROJECT);
    hash.update(`${name}@${pkg?.version ?? "missing"}\n`);
  }
  const fw = findPackage("@observablehq/framework", PROJECT);
  hash.update(`framework@${fw?.version}`);
  return hash.digest("hex");
}

export async function fillNpmCache({ force = false, log = console.log } = {}): Promise<void> {
  const fw = findPackage("@observablehq/framework", PROJECT);
  if (fw?.version !== "1.13.4") {
    throw new Error(
      `scripts/offline/fill-npm-cache.ts relies on the cache layout of @observablehq/framework 1.13.4, found ${fw?.version ?? "none"}`,
    );
  }
  const stamp = await stampOf();
  if (!force && existsSync(STAMP) && readFileSync(STAMP, "utf-8").includes(stamp)) return;
  const started = Date.now();
  await rm(NPM_CACHE, { recursive: true, force: true });
  // Framework's own bundles of node_modules imports: stale ones would survive a version change.
  await rm(join(FRAMEWORK_ROOT, ".observablehq", "cache", "_node"), { recursive: true, force: true });
  const queue: Pkg[] = [];
  for (const name of SHIPPED) {
    const pkg = findPackage(name, PROJECT);
    if (!pkg) throw new Error(`fill-npm-cache: ${name} is not installed; run npm install`);
    queue.push(pkg);
  }
  const done = new Set<string>();
  while (queue.length > 0) {
    const batch = queue.splice(0).filter((p) => !done.has(`${p.name}@${p.version}`));
    for (const p of batch) done.add(`${p.name}@${p.version}`);
    const found = await Promise.all(batch.map(bundlePackage));
    for (const deps of found) queue.push(...deps);
  }
  for (const name of await clientNpmNames(fw.dir)) {
    if (FRAMEWORK_BUILTINS.has(name) || [...done].some((d) => d.startsWith(`${name}@`))) continue;
    await mkdir(join(NPM_CACHE, `${name}@${PLACEHOLDER_VERSION}`), { recursive: true });
  }
  await writeFile(STAMP, JSON.stringify({ stamp, packages: [...done].sort() }, null, 2) + "\n");
  log(`fill-npm-cache: ${done.size} packages bundled into ${NPM_CACHE} in ${Date.now() - started} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fillNpmCache({ force: process.argv.includes("--force") }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
