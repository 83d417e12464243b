/**
 * Linearity of reading one very long record (issue 9 §4): a data row with a 1 MB and an 8 MB
 * value, and a file of 1 MB and 8 MB without any line break, each read from bytes in the usual
 * 16 KB pieces. Linear reading gives a time ratio near 8 (quadratic: near 64; before the fix
 * a 1 MB line took 4.5 s and 16 MB 87 s). Also reports the characters handed to the scanners per
 * input byte (csv.ts scanStatistics), which does not depend on the machine's load.
 */
import { InputError } from "../../lib/domain/issues.ts";
import { readMeasurements } from "../../lib/import/index.ts";
import { scanStatistics } from "../../lib/import/csv.ts";
import { median } from "../stats.ts";

const HEADER = "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without";
const MB = 1 << 20;

const SHAPES: Record<string, (n: number) => string> = {
  row: (n) => `${HEADER}\n183,Ishøj,alle,samtaler,2024-01,${"7".repeat(n)},1,\n`,
  "no-line-break": (n) => "a".repeat(n),
};

/** Milliseconds (median of `runs`) and scanned characters per byte of reading `bytes`. */
function measure(bytes: Uint8Array, runs: number): { ms: number; perByte: number } {
  const times: number[] = [];
  let scanned = 0;
  for (let i = 0; i < runs; i++) {
    const before = scanStatistics.characters;
    const t0 = performance.now();
    try {
      readMeasurements(bytes, "long-line.csv");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
    times.push(performance.now() - t0);
    scanned = scanStatistics.characters - before;
  }
  return { ms: median(times)!, perByte: scanned / bytes.length };
}

export interface LongLineResult {
  /** Per shape: time of the 8 MB input over the 1 MB one. */
  readonly ratios: Record<string, number>;
  readonly ms8: Record<string, number>;
  /** Highest characters scanned per input byte (8 MB inputs). */
  readonly scannedPerByte: number;
}

export function longLineBench(runs = 3): LongLineResult {
  const enc = new TextEncoder();
  const ratios: Record<string, number> = {};
  const ms8: Record<string, number> = {};
  let perByte = 0;
  for (const [name, make] of Object.entries(SHAPES)) {
    const small = measure(enc.encode(make(MB)), runs);
    const big = measure(enc.encode(make(8 * MB)), runs);
    ratios[name] = big.ms / small.ms;
    ms8[name] = big.ms;
    perByte = Math.max(perByte, big.perByte);
  }
  return { ratios, ms8, scannedPerByte: perByte };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = longLineBench();
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
