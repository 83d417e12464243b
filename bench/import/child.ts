/**
 * Child process of the import benchmark (run with --expose-gc): one parse + validation of a large
 * canonical CSV from disk, measured in a fresh process so its peak memory is its own.
 * Prints one JSON line: { rows, ms, fileBytes, baselineRssBytes, peakRssBytes, retainedHeapBytes, ... }.
 *
 * Peak RSS is the kernel's high-water mark of this process image (VmHWM in /proc/self/status),
 * reset to the current RSS after the warm-up (writing 5 to /proc/self/clear_refs). Not
 * process.resourceUsage().maxRSS: on Linux ru_maxrss survives execve, so a child forked from a
 * big parent (the benchmark holds the ×100 data) reports the parent's peak.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
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
let peakSource = "VmHWM";
try {
  writeFileSync("/proc/self/clear_refs", "5");
} catch {
  peakSource = "maxRSS"; // not Linux, or not permitted: the peak includes what came before
}
const baseline = process.memoryUsage();

const t0 = performance.now();
let bytes: Buffer | null = readFileSync(file);
const m = readMeasurements(bytes, file);
const ms = performance.now() - t0;
const peakRssBytes = peakSource === "VmHWM" ? vmHwm() : process.resourceUsage().maxRSS * 1024;
bytes = null;
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    rows: m.cells.length,
    peakSource,
    ms,
    fileBytes: statSync(file).size,
    baselineRssBytes: baseline.rss,
    peakRssBytes,
    retainedHeapBytes: after.heapUsed - baseline.heapUsed,
    retainedExternalBytes: after.external + after.arrayBuffers - baseline.external - baseline.arrayBuffers,
  })}\n`,
);

function vmHwm(): number {
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf-8"));
  if (!m) throw new Error("no VmHWM in /proc/self/status");
  return Number(m[1]) * 1024;
}
