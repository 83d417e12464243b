/**
 * Child process of the import benchmark (run with --expose-gc): one parse + validation of a large
 * canonical CSV from disk, measured in a fresh process so its peak memory is its own.
 * Prints one JSON line: { rows, ms, fileBytes, baselineRssBytes, peakRssBytes, retainedHeapBytes, ... }.
 */
import { readFileSync, statSync } from "node:fs";
import { readMeasurements } from "../../lib/import/index.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: child.ts FILE");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

// Warm-up on the first ~20,000 rows (same code paths), then a clean baseline.
{
  const head = readFileSync(file).subarray(0, 1 << 20);
  const text = head.toString("utf-8");
  readMeasurements(text.slice(0, text.lastIndexOf("\n") + 1), "warm-up.csv");
}
gc();
gc();
const baseline = process.memoryUsage();

const t0 = performance.now();
let bytes: Buffer | null = readFileSync(file);
const m = readMeasurements(bytes, file);
const ms = performance.now() - t0;
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
bytes = null;
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    rows: m.cells.length,
    ms,
    fileBytes: statSync(file).size,
    baselineRssBytes: baseline.rss,
    peakRssBytes,
    retainedHeapBytes: after.heapUsed - baseline.heapUsed,
    retainedExternalBytes: after.external + after.arrayBuffers - baseline.external - baseline.arrayBuffers,
  })}\n`,
);
