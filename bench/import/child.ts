/**
 * Child process of the import benchmark (run with --expose-gc): one parse + validation of a large
 * canonical CSV from disk by the CLI's own file path (readMeasurementsFile: read in 16 KB
 * chunks, the usual rows parsed from the bytes and the rest decoded, into typed columns),
 * measured in a fresh process so its peak memory is its own. The result is used through its
 * columns (row count): no Cell is materialised.
 * Prints one JSON line: { rows, ms, fileBytes, baselineRssBytes, peakRssBytes, retainedHeapBytes, ... }.
 *
 * Peak RSS is the kernel's high-water mark of this process image (VmHWM in /proc/self/status),
 * reset to the current RSS after the warm-up (writing 5 to /proc/self/clear_refs). Not
 * process.resourceUsage().maxRSS: on Linux ru_maxrss survives execve, so a child forked from a
 * big parent (the benchmark holds the ×100 data) reports the parent's peak.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { readMeasurements } from "../../lib/import/index.ts";
import { measurementCount } from "../../lib/domain/columns.ts";
import { readMeasurementsFile } from "../../cli/read-file.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: child.ts FILE");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

// Warm-up on the first ~20,000 rows (same parsing code), then a clean baseline.
{
  const head = readFileSync(file).subarray(0, 1 << 20);
  readMeasurements(head.subarray(0, head.lastIndexOf(0x0a) + 1), "warm-up.csv");
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
const m = readMeasurementsFile(file, file);
const ms = performance.now() - t0;
const peakRssBytes = peakSource === "VmHWM" ? vmHwm() : process.resourceUsage().maxRSS * 1024;
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    rows: measurementCount(m),
    peakSource,
    ms,
    fileBytes: statSync(file).size,
    baselineRssBytes: baseline.rss,
    peakRssBytes,
    retainedHeapBytes: after.heapUsed - baseline.heapUsed,
    // `external` includes the ArrayBuffers (the columns' typed arrays).
    retainedExternalBytes: after.external - baseline.external,
  })}\n`,
);

function vmHwm(): number {
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf-8"));
  if (!m) throw new Error("no VmHWM in /proc/self/status");
  return Number(m[1]) * 1024;
}
