/**
 * A large canonical long CSV for the import benchmark: real municipality codes (unknown codes are
 * errors), every required (group, measure) series plus the `alle` rows, and as many months going
 * back from 2025-12 as it takes to reach the row count — so every key is unique. About a third of
 * the rows are fully suppressed (empty figures), like the synthetic data; the others have counts
 * and the share rounded half-up to one decimal, so they pass the counts-vs-share check.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { MUNICIPALITIES } from "../../lib/domain/municipalities.ts";
import { OFFER_GROUPS, REQUIRING_GROUPS } from "../../lib/domain/benefit-groups.ts";
import { addMonths } from "../../lib/domain/month.ts";
import { mulberry32 } from "../../lib/synth/prng.ts";
import { LONG_CSV_COLUMNS, csvField } from "../../lib/io/long-csv-writer.ts";

/** The series of one municipality: (group, measure) pairs the rules read. */
export const SERIES: readonly (readonly [string, string])[] = [
  ["alle", "samtaler"],
  ["alle", "tilbud"],
  ...REQUIRING_GROUPS.map((g) => [g.id, "samtaler"] as const),
  ...OFFER_GROUPS.map((g) => [g.id, "tilbud"] as const),
];

/** Writes `rows` data rows to `path`; resolves to the file size in bytes. */
export async function writeLargeLongCsv(path: string, rows: number, seed = 6): Promise<number> {
  const perMonth = MUNICIPALITIES.length * SERIES.length;
  const months = Math.ceil(rows / perMonth);
  const first = addMonths("2025-12", -(months - 1));
  const rng = mulberry32(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = `${LONG_CSV_COLUMNS.join(",")}\n`;
  let written = 0;
  const names = MUNICIPALITIES.map((m) => csvField(m.name));
  const flush = async () => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
    chunk = "";
  };
  for (let k = 0; k < months && written < rows; k++) {
    const month = addMonths(first, k);
    for (let m = 0; m < MUNICIPALITIES.length && written < rows; m++) {
      for (const [group, measure] of SERIES) {
        if (written >= rows) break;
        let figures = ",,";
        if (rng.next() >= 1 / 3) {
          const p = 10 + Math.floor(rng.next() * 3000);
          const w = Math.floor(rng.next() * (p + 1));
          const tenths = Math.floor((2000 * w + p) / (2 * p)); // 1000·w/p rounded half up
          figures = `${p},${w},${Math.floor(tenths / 10)}.${tenths % 10}`;
        }
        chunk += `${MUNICIPALITIES[m]!.code},${names[m]},${group},${measure},${month},${figures}\n`;
        written++;
      }
      if (chunk.length > 1 << 20) await flush();
    }
  }
  await flush();
  out.end();
  await once(out, "finish");
  return bytes;
}
