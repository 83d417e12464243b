/**
 * `fetch --out` and the token (issue 9 §4): the target is checked before any download, an
 * existing directory keeps its permissions and symbolic links, a killed run's leftovers are
 * cleaned up; the token is redacted in every form and a malformed one is named at once.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFetch } from "../cli/fetch.ts";
import { main } from "../cli/main.ts";
import { writeSnapshotAtomically } from "../cli/snapshot.ts";
import { excerpt, redact, REDACTED, tokenProblem } from "../lib/jobindsats/index.ts";

const work = mkdtempSync(join(tmpdir(), "fetch-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const TOKEN = "tok-7f3a9c1e5b2d4680aa11-SECRET";

/** A server answering every request with HTTP 400 and `body`. */
async function replyServer(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => void res.writeHead(400, { "content-type": "application/json" }).end(body));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v2`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A server that counts requests and answers each with 500 (a fetch that reached it would fail). */
async function countingServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((_req, res) => {
    n++;
    res.writeHead(500).end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v2`,
    requests: () => n,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function fetchCli(args: string[], token = TOKEN) {
  let stdout = "";
  let stderr = "";
  const code = await runFetch([...args, "--max-attempts", "1", "--backoff-ms", "0"], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: { JOBINDSATS_TOKEN: token },
  });
  return { code, stdout, stderr };
}

describe("fetch --out is checked before the download", () => {
  it("an --out that is a file, or below a file, is refused with exit 2 and no request", async () => {
    const s = await countingServer();
    try {
      const file = join(work, "a-file");
      writeFileSync(file, "not a directory\n");
      const a = await fetchCli(["--base-url", s.url, "--out", file]);
      expect(a.code).toBe(2);
      expect(a.stderr).toContain("exists and is not a directory; nothing was fetched");
      const b = await fetchCli(["--base-url", s.url, "--out", join(file, "sub", "dir")]);
      expect(b.code).toBe(2);
      expect(b.stderr).toContain("is not a directory");
      expect(s.requests()).toBe(0);
      expect(readFileSync(file, "utf8")).toBe("not a directory\n");
    } finally {
      await s.close();
    }
  });

  it.skipIf(process.getuid?.() === 0)("an --out in a directory without write permission is refused", async () => {
    const s = await countingServer();
    const locked = join(work, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const r = await fetchCli(["--base-url", s.url, "--out", join(locked, "jobindsats")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("no permission to write in");
      expect(s.requests()).toBe(0);
    } finally {
      chmodSync(locked, 0o755);
      await s.close();
    }
  });
});

describe("writing a snapshot over an existing directory", () => {
  it("keeps the directory's and the files' permissions (never wider)", () => {
    const out = join(work, "private");
    mkdirSync(out, { mode: 0o700 });
    chmodSync(out, 0o700);
    writeFileSync(join(out, "measurements.csv"), "old\n", { mode: 0o600 });
    chmodSync(join(out, "measurements.csv"), 0o600);
    writeSnapshotAtomically(out, { "measurements.csv": "new\n", "manifest.json": "{}\n" });
    expect(statSync(out).mode & 0o777).toBe(0o700);
    expect(statSync(join(out, "measurements.csv")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, "measurements.csv"), "utf8")).toBe("new\n");
  });

  it("keeps symbolic links: --out naming a link, and relative links inside", () => {
    const real = join(work, "real-data");
    mkdirSync(real);
    writeFileSync(join(real, "NOTES.txt"), "kept\n");
    symlinkSync("NOTES.txt", join(real, "notes-link"));
    const link = join(work, "data-link");
    symlinkSync(real, link);
    writeSnapshotAtomically(link, { "measurements.csv": "new\n" });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(join(real, "measurements.csv"), "utf8")).toBe("new\n");
    expect(readlinkSync(join(real, "notes-link"))).toBe("NOTES.txt");
    expect(readFileSync(join(real, "notes-link"), "utf8")).toBe("kept\n");
  });

  it("cleans up the temporary and old directories a killed run left behind", () => {
    const parent = join(work, "killed");
    const out = join(parent, "jobindsats");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "measurements.csv"), "current\n");
    // A run killed while writing (legacy name without a process id, and one with a dead id) and
    // one killed after moving the previous snapshot aside.
    mkdirSync(join(parent, ".jobindsats.tmp-AbC123"));
    mkdirSync(join(parent, ".jobindsats.tmp-999999999-XyZ789"));
    mkdirSync(join(parent, ".jobindsats.old-999999999-1700000000000"));
    mkdirSync(join(parent, "unrelated"));
    writeSnapshotAtomically(out, { "measurements.csv": "new\n" });
    expect(readdirSync(parent).sort()).toEqual(["jobindsats", "unrelated"]);
  });

  it("puts the previous snapshot back when a killed run left only the old directory", () => {
    const parent = join(work, "killed-between");
    mkdirSync(parent);
    const old = join(parent, ".jobindsats.old-999999999-1700000000000");
    mkdirSync(old);
    writeFileSync(join(old, "NOTES.txt"), "kept\n");
    writeSnapshotAtomically(join(parent, "jobindsats"), { "measurements.csv": "new\n" });
    expect(readdirSync(parent)).toEqual(["jobindsats"]);
    expect(readFileSync(join(parent, "jobindsats", "NOTES.txt"), "utf8")).toBe("kept\n");
    expect(existsSync(old)).toBe(false);
  });
});

describe("the token", () => {
  it("is redacted as written, JSON-escaped, and as any fragment of 8+ characters", () => {
    const quoteToken = 'ab"cd\\ef-0123456789';
    const echoed = JSON.stringify({ authorization: quoteToken });
    expect(echoed).not.toContain(quoteToken);
    expect(redact(echoed, quoteToken)).toBe(`{"authorization":"${REDACTED}"}`);
    const body = `{"error":"bad request","authorization":"${TOKEN}"}`;
    const cut = excerpt(body, 50); // ends in the middle of the token
    expect(cut).toContain(TOKEN.slice(0, 8));
    const safe = redact(cut, TOKEN);
    for (let i = 0; i + 8 <= TOKEN.length; i++) expect(safe).not.toContain(TOKEN.slice(i, i + 8));
    expect(safe).toContain(REDACTED);
    expect(redact("tok-7f3 is only seven characters", TOKEN)).toBe("tok-7f3 is only seven characters");
  });

  it("with a non-ASCII character (a copied '…') is named at once, with no request and no retries", async () => {
    expect(tokenProblem(TOKEN)).toBeNull();
    const s = await countingServer();
    try {
      const r = await fetchCli(["--base-url", s.url, "--out", join(work, "never")], "tok-7f3a9c…");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('character 11 of 11 "…" (an ellipsis');
      expect(r.stderr).not.toContain("tok-7f3a9c");
      expect(r.stderr).not.toMatch(/ByteString/);
      expect(s.requests()).toBe(0);
      const nbsp = await fetchCli(["--base-url", s.url, "--out", join(work, "never")], "tok\u00a07f3a9c");
      expect(nbsp.code).toBe(2);
      expect(nbsp.stderr).toContain("U+00A0");
    } finally {
      await s.close();
    }
  });
});

describe("text from the server", () => {
  it("is printed with its terminal control characters escaped", async () => {
    const s = await replyServer(JSON.stringify({ error: "\u001b[2J\u001b]0;owned\u0007 bad \u009b request" }));
    try {
      let stderr = "";
      const code = await main(["fetch", "--base-url", s.url, "--out", join(work, "esc"), "--max-attempts", "1"], {
        stdout: () => {},
        stderr: (t) => void (stderr += t),
        env: { JOBINDSATS_TOKEN: TOKEN },
        cwd: work,
      });
      expect(code).toBe(1);
      expect(stderr).toContain("HTTP 400");
      expect(stderr).toContain("bad");
      // eslint-disable-next-line no-control-regex
      expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    } finally {
      await s.close();
    }
  });
});
