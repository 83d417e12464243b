// Keep `npm ci` working from package-lock.json on machines whose npm registry lacks rollup's
// native binaries for other platforms (@rollup/rollup-darwin-arm64, ...: 404 there).
//
// Why: npm then leaves those optional dependencies out of the lock file, and `npm ci` refuses the
// lock ("Missing: @rollup/rollup-android-arm-eabi@ from lock file"). An entry with the right
// os/cpu/libc is enough: npm skips a platform-mismatched optional package without fetching it.
// Run as `postinstall`, so every `npm install` re-adds what it dropped. Idempotent; writes only
// when something is missing.
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf-8"));
const packages = lock.packages ?? {};
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  if (!/(^|\/)node_modules\/rollup$/.test(key)) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z0-9]+))?$/.exec(name);
    const target = `${key.slice(0, -"rollup".length)}${name}`;
    if (!m || packages[target] || packages[`node_modules/${name}`]) continue;
    const [, os, cpu, abi] = m;
    packages[target] = {
      version,
      cpu: [cpu],
      dev: entry.dev === true ? true : undefined,
      ...(abi === "gnu" || abi === "musl" ? { libc: [abi === "gnu" ? "glibc" : "musl"] } : {}),
      license: "MIT",
      optional: true,
      os: [os],
    };
    added++;
  }
}
if (added > 0) {
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, "en")));
  writeFileSync(LOCK, JSON.stringify({ ...lock, packages: sorted }, null, 2) + "\n");
  console.log(`fix-lockfile: added ${added} platform-specific optional rollup entries to package-lock.json`);
}
