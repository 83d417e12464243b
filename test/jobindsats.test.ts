import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import type { Cell } from "../lib/domain/types.ts";
import { generateSynthetic } from "../lib/synth/generate.ts";
import { writeLongCsv } from "../lib/io/long-csv-writer.ts";
import { parseLongCsv } from "../lib/import/index.ts";
import { runFetch } from "../cli/fetch.ts";
import {
  DEFAULT_TABLE_PATTERNS,
  DEFAULT_VARIABLE_PATTERNS,
  DEFAULT_SKIP_AREAS,
  JobindsatsError,
  matchTables,
  parseDataReply,
  parseRetryAfter,
  isWrongKeyReply,
  redact,
} from "../lib/jobindsats/index.ts";
import {
  hang,
  isData,
  isList,
  respond,
  startFakeJobindsats,
  TABLES,
  type FakeOptions,
  type FakeServer,
} from "./fixtures/jobindsats/fake-server.ts";

const TOKEN = "tok-7f3a9c1e5b2d4680aa11-SECRET";
const CODES = ["101", "183", "169", "825"]; // København, Ishøj, Høje-Taastrup, Læsø
const FROM = "2023-11";
const TO = "2024-02"; // crosses the 2024-01 switch to the jobcenter's dagpenge table
const FAST = ["--backoff-ms", "5", "--timeout", "5", "--max-attempts", "3", "--batch-months", "3"];

let cells: Cell[];
let expectedCsv: string;
let work: string;
const transcript: string[] = []; // every stdout/stderr line of every run, for the token check
const servers: FakeServer[] = [];

beforeAll(() => {
  const ds = generateSynthetic(2024);
  cells = ds.cells.filter((c) => CODES.includes(c.municipalityCode));
  expectedCsv = writeLongCsv(cells.filter((c) => c.month >= FROM && c.month <= TO));
  work = mkdtempSync(join(tmpdir(), "jobindsats-"));
});

afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

afterAll(() => {
  // No file written anywhere under the work directory and no captured output holds the token.
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (readFileSync(p).includes(TOKEN)) offenders.push(relative(work, p));
    }
  };
  walk(work);
  rmSync(work, { recursive: true, force: true });
  expect(offenders).toEqual([]);
  expect(transcript.length).toBeGreaterThan(20);
  expect(transcript.filter((l) => l.includes(TOKEN))).toEqual([]);
});

async function server(extra: Partial<FakeOptions> = {}): Promise<FakeServer> {
  const s = await startFakeJobindsats({ token: TOKEN, cells, codes: CODES, ...extra });
  servers.push(s);
  return s;
}

async function run(args: string[], env: Record<string, string | undefined> = { JOBINDSATS_TOKEN: TOKEN }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFetch(args, {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    env,
  });
  transcript.push(...out, ...err);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

/** Bytes of every file under dir (and the names in its parent, to catch stray temp dirs). */
function snapshotOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir);
  files["(siblings)"] = readdirSync(join(dir, "..")).sort().join(",");
  return files;
}

/** An output directory holding a previous snapshot (plus an unrelated file). */
function previousSnapshot(name: string): string {
  const dir = join(work, name, "jobindsats");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "measurements.csv"),
    "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without\n183,Ishøj,alle,samtaler,2022-09,10,5,50.0\n",
  );
  writeFileSync(join(dir, "manifest.json"), '{"synthetic": false, "previous": true}\n');
  writeFileSync(join(dir, "NOTES.txt"), "kept\n");
  return dir;
}

async function expectFailureKeepsSnapshot(name: string, extra: Partial<FakeOptions>, args: string[] = []) {
  const s = await server(extra);
  const out = previousSnapshot(name);
  const before = snapshotOf(out);
  const r = await run(["--base-url", s.baseUrl, "--out", out, "--from", FROM, "--to", TO, ...FAST, ...args]);
  expect(snapshotOf(out)).toEqual(before);
  expect(r.stderr).toMatch(/Nothing was written/);
  expect(r.stdout).toBe("");
  return { ...r, server: s };
}

describe("fetch against a fake Jobindsats", () => {
  it("discovers the tables, fetches in batches and writes the synthetic cells back exactly (label variants)", async () => {
    const s = await server({ labelVariants: true });
    const out = previousSnapshot("ok");
    const r = await run(["--base-url", s.baseUrl, "--out", out, "--from", FROM, "--to", TO, ...FAST]);
    expect(r.stderr).toBe(r.stderr.replace(TOKEN, "")); // (token check also in afterAll)
    expect(r.code).toBe(0);
    const csv = readFileSync(join(out, "measurements.csv"), "utf8");
    expect(csv).toBe(expectedCsv);
    expect(readFileSync(join(out, "NOTES.txt"), "utf8")).toBe("kept\n");
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      synthetic: false,
      baseUrl: s.baseUrl,
      subjectId: 1815,
      months: { from: FROM, to: TO },
      rows: 4 * 4 * 15,
      municipalities: 4,
      sha256: createHash("sha256").update(csv).digest("hex"),
    });
    expect(manifest.tables.map((t: { role: string; id: string }) => `${t.role}=${t.id}`)).toEqual([
      "samtaler=y30r21",
      "samtaler-dagpenge=y30r22",
      "tilbud=y30r23",
    ]);
    expect(manifest.tables[0].skippedAreas).toEqual(["Hele landet", "Region Hovedstaden"]);
    expect(Date.parse(manifest.fetchedAt)).not.toBeNaN();
    // the importer accepts the file
    expect(parseLongCsv(csv, "measurements.csv").cells).toHaveLength(240);
    // requests: list, then per table metadata + 2 batches; raw token header, documented body
    expect(s.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      "GET tables/?subjectid=1815",
      "GET tables/y30r21/",
      "POST data/y30r21/json",
      "POST data/y30r21/json",
      "GET tables/y30r22/",
      "POST data/y30r22/json",
      "POST data/y30r22/json",
      "GET tables/y30r23/",
      "POST data/y30r23/json",
      "POST data/y30r23/json",
    ]);
    expect(s.requests.every((q) => q.authorization === TOKEN)).toBe(true);
    expect(s.requests[2]!.body).toEqual({ area: "*", period: ["2023M11", "2023M12", "2024M01"], _ygrp_y30r21: ["*"] });
    expect(s.requests[5]!.body).toEqual({ area: "*", period: ["2023M11", "2023M12", "2024M01"] });
    expect(r.stderr).toMatch(/samtaler: table y30r21 "Tidlig indsats: samtaler, alle ydelsesgrupper"/);
    expect(r.stderr).toMatch(/\[tilbud 2\/2\] 2024M02–2024M02/);
    expect(r.stdout).toMatch(/240 rows/);
  });

  it("uses explicit --tables ids without discovery, and skips a role given as none", async () => {
    const s = await server();
    const out = join(work, "explicit", "jobindsats");
    const r = await run([
      "--base-url",
      s.baseUrl,
      "--out",
      out,
      "--from",
      "2024-01",
      "--to",
      "2024-01",
      ...FAST,
      "--tables",
      "samtaler=y30r21,tilbud=y30r23,samtaler-dagpenge=none",
    ]);
    expect(r.code).toBe(0);
    expect(s.requests.some(isList)).toBe(false);
    const csv = readFileSync(join(out, "measurements.csv"), "utf8");
    // without the jobcenter table, dagpenge conversations from 2024 are the all-groups table's (suppressed there)
    const expected = cells
      .filter((c) => c.month === "2024-01")
      .map((c) =>
        c.benefitGroup === "dagpenge" && c.measure === "samtaler"
          ? { ...c, population: null, without: null, shareWithout: null }
          : c,
      );
    expect(csv).toBe(writeLongCsv(expected));
    expect(csv).toMatch(/^183,Ishøj,dagpenge,samtaler,2024-01,,,$/m);
  });

  it("retries 429 with Retry-After and 500, then succeeds", async () => {
    const s = await server({
      faults: [
        { match: isData, times: 2, handle: respond(429, '{"Message":"Too many requests"}', { "Retry-After": "0" }) },
        { match: (q) => q.path === "tables/y30r23/", times: 1, handle: respond(500, "Internal Server Error") },
      ],
    });
    const out = join(work, "retry", "jobindsats");
    const r = await run(["--base-url", s.baseUrl, "--out", out, "--from", FROM, "--to", TO, ...FAST]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "measurements.csv"), "utf8")).toBe(expectedCsv);
    expect(r.stderr).toMatch(/HTTP 429 \(Retry-After "0"\); retrying in 0 s \(attempt 2 of 3\)/);
    expect(r.stderr).toMatch(/HTTP 500; retrying .*attempt 2 of 3/);
    expect(s.requests.length).toBe(10 + 3);
  });

  it("rejects a wrong key answered with status 200, saying so, and keeps the previous snapshot", async () => {
    const r = await expectFailureKeepsSnapshot("wrongkey", { token: "another-token" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the token was rejected/);
    expect(r.stderr).toMatch(/HTTP 200/);
    expect(r.server.requests).toHaveLength(1); // no retries on a rejected key
  });

  it("treats 401 as a rejected token", async () => {
    const r = await expectFailureKeepsSnapshot("401", {
      faults: [{ match: () => true, times: 99, handle: respond(401, "") }],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the token was rejected/);
    expect(r.stderr).toMatch(/HTTP 401/);
  });

  it("gives up on a hanging response after the timeout and the configured attempts", async () => {
    const r = await expectFailureKeepsSnapshot("hang", { faults: [{ match: isData, times: 99, handle: hang() }] }, [
      "--timeout",
      "0.3",
      "--max-attempts",
      "2",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no complete reply within 0\.3 s; retrying/);
    expect(r.stderr).toMatch(/no complete reply within 0\.3 s \(gave up after 2 attempts\)/);
    expect(r.server.requests.filter(isData)).toHaveLength(2);
  });

  it("stops after max attempts of 503", async () => {
    const r = await expectFailureKeepsSnapshot("503", {
      faults: [{ match: isData, times: 99, handle: respond(503, "busy") }],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HTTP 503 \(gave up after 3 attempts\); reply "busy"/);
    expect(r.server.requests.filter(isData)).toHaveLength(3);
  });

  it("reports truncated JSON with an excerpt of what was received", async () => {
    const truncated = '[{"Variables": [{"Label": "Area"}, {"Label": "Periode"}], "Data": [["Ishøj", "2023M11"';
    const r = await expectFailureKeepsSnapshot("truncated", {
      faults: [{ match: isData, times: 1, handle: respond(200, truncated) }],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).toContain('[{\\"Variables\\": [{\\"Label\\": \\"Area\\"}');
  });

  it("reports an undocumented shape, showing what was received", async () => {
    const r = await expectFailureKeepsSnapshot("shape", {
      faults: [{ match: isData, times: 1, handle: respond(200, '{"Rows": 3, "Note": "v3?"}') }],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expected an array whose first element has Variables and Data; received .*Rows.*v3\?/);
  });

  it("names an unknown area, with a suggestion", async () => {
    const r = await expectFailureKeepsSnapshot("area", { extraArea: "Ishøj Kommunne" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown area name "Ishøj Kommunne"/);
  });

  it("fails listing the received labels when no measurement column is recognised; --label-* fixes it", async () => {
    const labels = {
      population: "Bestand",
      without: "Personer med for lidt indsats",
      share: "Procentdel med for lidt indsats",
    };
    const r = await expectFailureKeepsSnapshot("labels", { labels });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no measurement columns recognised/);
    expect(r.stderr).toContain('"Bestand", "Personer med for lidt indsats", "Procentdel med for lidt indsats"');
    const s = await server({ labels });
    const out = join(work, "labels-ok", "jobindsats");
    const ok = await run([
      "--base-url",
      s.baseUrl,
      "--out",
      out,
      "--from",
      FROM,
      "--to",
      TO,
      ...FAST,
      "--label-population",
      "^bestand$",
      "--label-without",
      "for lidt indsats",
      "--label-share",
      "^procentdel",
    ]);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(out, "measurements.csv"), "utf8")).toBe(expectedCsv);
  });

  it("fails discovery listing the tables received when a pattern matches two tables", async () => {
    const tables = [
      ...TABLES,
      { TableID: "y30r99", TableName: "Tidlig indsats: aktive tilbud, alle ydelsesgrupper (gammel)" },
    ];
    const r = await expectFailureKeepsSnapshot("discovery", { tables });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 tables for "tilbud"/);
    expect(r.stderr).toMatch(/- y30r24: Skærpet tilsyn: kommuner under tilsyn/);
    expect(r.stderr).toMatch(/--tables samtaler=ID/);
  });

  it("redacts the token when a server echoes it", async () => {
    const r = await expectFailureKeepsSnapshot("echo", {
      faults: [
        {
          match: isList,
          times: 99,
          handle: respond(400, JSON.stringify({ error: "bad request", headers: { authorization: TOKEN } })),
        },
      ],
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/HTTP 400/);
    expect(r.stderr).toContain("[token redacted]");
    expect(r.stderr).not.toContain(TOKEN);
  });

  it("requires the token in the environment, never as a flag", async () => {
    const out = previousSnapshot("notoken");
    const before = snapshotOf(out);
    const a = await run(["--out", out], {});
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/JOBINDSATS_TOKEN/);
    const b = await run(["--out", out, "--token", "abc"], { JOBINDSATS_TOKEN: TOKEN });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/never given as a flag/);
    const c = await run(["--out", out, "--from", "2024-13"]);
    expect(c.code).toBe(2);
    const d = await run(["--out", out, "--tables", "samtaler=1,foo=2"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/"foo=2"/);
    expect(snapshotOf(out)).toEqual(before);
  });
});

describe("jobindsats pieces", () => {
  const ctx = {
    what: "table T",
    measure: "samtaler" as const,
    defaultGroup: null,
    onlyGroup: null,
    patterns: DEFAULT_VARIABLE_PATTERNS,
    skipAreas: DEFAULT_SKIP_AREAS,
  };
  const vars = [
    { Label: "Område" },
    { Label: "Periode" },
    { Label: "Ydelsesgruppe" },
    { Label: "Antal personer i målgruppen" },
    { Label: "Antal personer uden 4 samtaler" },
    { Label: "Andel personer uden 4 samtaler" },
  ];

  it("parses numbers with decimal commas, thousands separators and suppression markers", () => {
    const r = parseDataReply(
      [
        {
          Variables: vars,
          Data: [
            ["Ishøj", "2022M09", "Sygedagpenge mv.", "22", "10", "45,5"],
            ["København", "2022M09", "Ydelsesgrupper i alt", "1.871", 341, "18,2"],
            ["Ishøj", "2022M10", "Kontanthjælp mv.", ".", "..", "-"],
            ["Hele landet", "2022M09", "Sygedagpenge", "9.999", "1", "0,0"],
          ],
        },
      ],
      ctx,
    );
    expect(
      r.cells.map((c) => [c.municipalityCode, c.benefitGroup, c.month, c.population, c.without, c.shareWithout?.num]),
    ).toEqual([
      ["183", "sygedagpenge", "2022-09", 22, 10, 455],
      ["101", "alle", "2022-09", 1871, 341, 182],
      ["183", "kontanthjaelp", "2022-10", null, null, undefined],
    ]);
    expect([...r.skippedAreas]).toEqual(["Hele landet"]);
  });

  it("rejects disagreeing counts, unknown groups and bad periods with the row shown", () => {
    const one = (row: unknown[]) => () => parseDataReply([{ Variables: vars, Data: [row] }], ctx);
    expect(one(["Ishøj", "2022M09", "Sygedagpenge", "22", "10", "40,0"])).toThrow(
      /does not agree with without\/population = 10\/22/,
    );
    expect(one(["Ishøj", "2022M09", "Folkepension", "22", "10", "45,5"])).toThrow(
      /unknown benefit group "Folkepension"/,
    );
    expect(one(["Ishøj", "sep 2022", "Sygedagpenge", "22", "10", "45,5"])).toThrow(/period "sep 2022"/);
    expect(one(["Ishøj", "2022M09", "Sygedagpenge", "22", "23", ""])).toThrow(/exceeds population/);
    expect(one(["Ishøj", "2022M09", "Sygedagpenge", "22,5", "10", ""])).toThrow(/not a whole number/);
    expect(one(["Ishøj", "2022M09"])).toThrow(JobindsatsError);
  });

  it("matches tables by name patterns and reports ambiguity", () => {
    const list = TABLES.map((t) => ({ id: t.TableID, name: t.TableName }));
    const m = matchTables(list, ["samtaler", "samtaler-dagpenge", "tilbud"], DEFAULT_TABLE_PATTERNS, 1815);
    expect([m.samtaler.id, m["samtaler-dagpenge"].id, m.tilbud.id]).toEqual(["y30r21", "y30r22", "y30r23"]);
    expect(() => matchTables(list.slice(1), ["samtaler"], DEFAULT_TABLE_PATTERNS, 1815)).toThrow(
      /no table for "samtaler"[\s\S]*y30r22/,
    );
  });

  it("parses Retry-After as seconds or an HTTP date; recognises the wrong-key reply; redacts", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(isWrongKeyReply('{"Forkert nøgle eller nøglen er udløbet.": ""}')).toBe(true);
    expect(isWrongKeyReply('[{"Variables": []}]')).toBe(false);
    expect(redact("a SECRET b SECRET", "SECRET")).toBe("a [token redacted] b [token redacted]");
  });
});
