/**
 * Node-only: writes a data snapshot (a directory of files) atomically. The new files are written
 * into a fresh temporary directory beside the target; only when every file is complete is the old
 * directory moved aside and the new one renamed into place. A failure before that point leaves
 * the previous snapshot exactly as it was (the temporary directory is removed).
 */
import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createHash } from "node:crypto";

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Why `outDir` cannot take a snapshot (it exists and is not a directory, or the place it would be
 * written is not a writable directory), or null. Checked before any download, so a long fetch
 * does not end in an unwritable target.
 */
export function snapshotTargetProblem(outDir: string): string | null {
  const target = snapshotTarget(outDir);
  if (existsSync(target) && !statSync(target).isDirectory()) return `${outDir} exists and is not a directory`;
  let dir = dirname(target);
  while (!existsSync(dir)) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (!statSync(dir).isDirectory()) return `${outDir} cannot be created: ${dir} is not a directory`;
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    return `${outDir} cannot be written: no permission to write in ${dir}`;
  }
  return null;
}

/** The directory really replaced: a symbolic link named as --out stays, its target is replaced. */
function snapshotTarget(outDir: string): string {
  const target = resolve(outDir);
  try {
    if (lstatSync(target).isSymbolicLink()) return realpathSync(target);
  } catch {
    // does not exist (or a dangling link): the path itself
  }
  return target;
}

/**
 * Replaces the directory `outDir` by one holding exactly `files` (name → content), plus any other
 * entries the old directory had (copied over, so unrelated files are not lost; symbolic links as
 * they are). The new directory and its files get the old ones' permissions, never wider. Leftovers
 * of a run that was killed half-way are cleaned up first.
 */
export function writeSnapshotAtomically(outDir: string, files: Readonly<Record<string, string>>): void {
  const target = snapshotTarget(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  cleanLeftovers(target);
  const previous = existsSync(target) ? statSync(target) : null;
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.tmp-${process.pid}-`));
  // mkdtemp creates 0700; a data directory keeps the old one's mode, or gets the usual one.
  chmodSync(tmp, previous ? previous.mode & 0o7777 : 0o777 & ~process.umask());
  let old: string | null = null;
  try {
    if (previous) {
      for (const entry of readdirSync(target)) {
        if (!(entry in files))
          cpSync(join(target, entry), join(tmp, entry), { recursive: true, verbatimSymlinks: true });
      }
    }
    for (const [name, content] of Object.entries(files)) {
      if (name.includes("/") || name.includes("\\") || name.startsWith("."))
        throw new Error(`bad snapshot file name ${name}`);
      const file = join(tmp, name);
      writeFileSync(file, content);
      const before = previous ? join(target, name) : null;
      if (before && existsSync(before)) chmodSync(file, statSync(before).mode & 0o777);
    }
    if (previous) {
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

/**
 * Removes `.NAME.tmp-*` and `.NAME.old-*` beside the target left by a run that was killed (a
 * running one, by its process id, is left alone). When the target itself is missing — killed
 * between moving the old snapshot aside and moving the new one in — the newest old snapshot is
 * put back first.
 */
export function cleanLeftovers(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const base = basename(target);
  const leftovers = readdirSync(parent)
    .filter((e) => e.startsWith(`.${base}.tmp-`) || e.startsWith(`.${base}.old-`))
    .filter((e) => !isRunning(Number(/^\.[^]*?\.(?:tmp|old)-(\d+)-/.exec(e)?.[1] ?? NaN)))
    .sort();
  const olds = leftovers.filter((e) => e.startsWith(`.${base}.old-`));
  if (!existsSync(target) && olds.length) {
    const newest = olds.sort((a, b) => Number(a.split("-").pop()) - Number(b.split("-").pop())).pop()!;
    renameSync(join(parent, newest), target);
    leftovers.splice(leftovers.indexOf(newest), 1);
  }
  for (const e of leftovers) rmSync(join(parent, e), { recursive: true, force: true });
}

/** Whether a process with this id is running (and is not this one). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What a subcommand gets from cli/main.ts: output sinks and the environment. */
export interface CommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly env: NodeJS.ProcessEnv;
}
