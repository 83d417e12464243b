/**
 * Node-only: writes a data snapshot (a directory of files) atomically. The new files are written
 * into a fresh temporary directory beside the target; only when every file is complete is the old
 * directory moved aside and the new one renamed into place. A failure before that point leaves
 * the previous snapshot exactly as it was (the temporary directory is removed).
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createHash } from "node:crypto";

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Replaces the directory `outDir` by one holding exactly `files` (name → content), plus any other
 * entries the old directory had (copied over, so unrelated files are not lost).
 */
export function writeSnapshotAtomically(outDir: string, files: Readonly<Record<string, string>>): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  chmodSync(tmp, 0o755); // mkdtemp creates 0700; a data directory is normally readable
  let old: string | null = null;
  try {
    if (existsSync(target)) {
      for (const entry of readdirSync(target)) {
        if (!(entry in files)) cpSync(join(target, entry), join(tmp, entry), { recursive: true });
      }
    }
    for (const [name, content] of Object.entries(files)) {
      if (name.includes("/") || name.includes("\\") || name.startsWith("."))
        throw new Error(`bad snapshot file name ${name}`);
      writeFileSync(join(tmp, name), content);
    }
    if (existsSync(target)) {
      old = join(parent, `.${basename(target)}.old-${process.pid}-${Date.now()}`);
      renameSync(target, old);
    }
    try {
      renameSync(tmp, target);
    } catch (e) {
      if (old) renameSync(old, target); // put the previous snapshot back
      old = null;
      throw e;
    }
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
    if (old) rmSync(old, { recursive: true, force: true });
  }
}

/** What a subcommand gets from cli/main.ts: output sinks and the environment. */
export interface CommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: NodeJS.ProcessEnv;
}
