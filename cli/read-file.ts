/**
 * Reading a measurements file from disk in chunks (Node only): the file is read with
 * fs.openSync/readSync into one reused buffer and decoded and parsed piece by piece
 * (lib/import/stream.ts), so neither the whole file nor its whole text is held in memory.
 * Inputs read whole by design (UTF-16, wide tables — small) are read with readFileSync.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { InputError } from "../lib/domain/issues.ts";
import type { Measurements } from "../lib/domain/measurements.ts";
import {
  DEFAULT_CHUNK_SIZE,
  readMeasurementsFromSource,
  readWhole,
  type ByteSource,
  type ImportOptions,
} from "../lib/import/index.ts";

/**
 * Reads and validates one file; `displayName` is the name used in messages. Throws InputError
 * (also when the file cannot be read: "cannot read the file: no such file").
 */
export function readMeasurementsFile(path: string, displayName: string, options: ImportOptions = {}): Measurements {
  return readMeasurementsFromSource(fileSource(path, displayName, options.chunkSize), displayName, options, readWhole);
}

/** A ByteSource reading `path` in chunks of `chunkSize` bytes. */
export function fileSource(path: string, displayName: string, chunkSize = DEFAULT_CHUNK_SIZE): ByteSource {
  const step = Math.max(1, Math.floor(chunkSize));
  const size = guard(displayName, () => {
    const fd = openSync(path, "r");
    try {
      return fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
  });
  return {
    size,
    forEachChunk(each) {
      guard(displayName, () => {
        const fd = openSync(path, "r");
        try {
          const buffer = new Uint8Array(step);
          for (;;) {
            const n = readSync(fd, buffer, 0, step, null);
            if (n === 0) return;
            if (each(buffer.subarray(0, n)) === false) return;
          }
        } finally {
          closeSync(fd);
        }
      });
    },
    readAll: () => guard(displayName, () => readFileSync(path)),
  };
}

/** Runs a file operation; a failure becomes an InputError naming the file. InputErrors pass. */
export function guard<T>(file: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof InputError || typeof code !== "string" || !/^E[A-Z]+$/.test(code)) throw e; // only system errors
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new InputError([
      {
        code: "cannot-read",
        severity: "error",
        file,
        line: null,
        column: null,
        columnName: null,
        value: null,
        message: `cannot read the file: ${reason}`,
      },
    ]);
  }
}
