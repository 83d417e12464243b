/**
 * `tidlig-indsats synth [--seed N] [--out DIR]`: writes the deterministic synthetic data set
 * (lib/synth/generate.ts) as DIR/measurements.csv plus DIR/manifest.json, atomically.
 */
import { join } from "node:path";
import { DEFAULT_SEED, generateSynthetic, manifestJson, synthManifest, syntheticCsv } from "../lib/synth/generate.ts";
import { sha256Hex, writeSnapshotAtomically, type CommandIo } from "./snapshot.ts";

export const SYNTH_USAGE = `usage: tidlig-indsats synth [--seed N] [--out DIR]
  Writes a synthetic (invented) data set for all 98 municipalities, 2021-01..2025-12:
  DIR/measurements.csv (canonical long CSV) and DIR/manifest.json.
  --seed N   integer 0..4294967295 (default ${DEFAULT_SEED}); the same seed gives identical files
  --out DIR  output directory (default data/synthetic)
`;

/** Alias, for symmetry with FETCH_HELP. */
export const SYNTH_HELP = SYNTH_USAGE;

export const DEFAULT_SYNTH_OUT = "data/synthetic";

export async function runSynth(args: string[], io: CommandIo): Promise<number> {
  let seed = DEFAULT_SEED;
  let out = DEFAULT_SYNTH_OUT;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    if (flag === "--help" || flag === "-h") {
      io.stdout(SYNTH_USAGE);
      return 0;
    }
    if (flag !== "--seed" && flag !== "--out") {
      io.stderr(`synth: unknown argument "${a}"\n${SYNTH_USAGE}`);
      return 2;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === "") {
      io.stderr(`synth: ${flag} needs a value\n${SYNTH_USAGE}`);
      return 2;
    }
    if (flag === "--seed") {
      if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) {
        io.stderr(`synth: --seed must be an integer from 0 to 4294967295, got "${value}"\n`);
        return 2;
      }
      seed = Number(value);
    } else {
      out = value;
    }
  }
  const ds = generateSynthetic(seed);
  const csv = syntheticCsv(ds);
  const manifest = synthManifest(ds, sha256Hex(csv));
  try {
    writeSnapshotAtomically(out, { "measurements.csv": csv, "manifest.json": manifestJson(manifest) });
  } catch (e) {
    io.stderr(`synth: could not write ${out}: ${(e as Error).message}\n`);
    return 1;
  }
  io.stdout(
    `Wrote synthetic (invented) data, seed ${seed}: ${join(out, "measurements.csv")} (${manifest.rows} rows, ` +
      `${manifest.municipalities} municipalities, ${manifest.months.from}..${manifest.months.to}) and ${join(out, "manifest.json")}\n`,
  );
  return 0;
}
