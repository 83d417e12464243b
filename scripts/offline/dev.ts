// `npm run dev`: prepare the offline cache and lib bundle, keep the lib bundle rebuilt while lib/
// changes, and run Framework's preview server (which reloads pages when the bundle changes).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { fillNpmCache } from "./fill-npm-cache.ts";
import { bundleLib, watchLib } from "./bundle-lib.ts";
import { clearSiteDataCache } from "./data-cache.ts";
import { installFonts } from "./fonts.ts";

// The data is decided afresh at each start (a running server keeps what it decided first).
clearSiteDataCache(fileURLToPath(new URL("../../src", import.meta.url)));
await Promise.all([fillNpmCache().then(installFonts), bundleLib()]);
const stop = await watchLib();
const bin = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");
const child = spawn(process.execPath, [bin, "preview", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", async (code) => {
  await stop();
  process.exit(code ?? 0);
});
