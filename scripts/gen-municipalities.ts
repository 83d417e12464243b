/**
 * Writes lib/domain/municipalities.data.ts from data/municipalities.csv and lib/domain/amk.data.ts
 * from data/amk.csv, so the browser bundle and the CLI share one typed copy of the committed fact
 * files. Tests keep them in sync.
 *   npx tsx scripts/gen-municipalities.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export function renderMunicipalitiesModule(csv: string): string {
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0]!.split(",");
  const expected = "code,name,region_code,region,amk,lat,lon,official_name";
  if (header.join(",") !== expected) throw new Error(`municipalities.csv: header must be ${expected}`);
  // One compact tuple per line keeps the generated module within Prettier's 120 columns.
  const rows = lines.slice(1).map((line) => {
    const [code, name, regionCode, region, amk, lat, lon, officialName] = line.split(",");
    const cells = [code, name, regionCode, region, amk].map((v) => JSON.stringify(v));
    return `  [${[...cells, Number(lat), Number(lon), JSON.stringify(officialName)].join(", ")}],`;
  });
  return [
    "// Generated from data/municipalities.csv by scripts/gen-municipalities.ts — do not edit by hand.",
    'import type { Municipality } from "./municipalities.ts";',
    "",
    "// code, name, region code, region, AMK, latitude, longitude, official name",
    "type Row = readonly [string, string, string, string, string, number, number, string];",
    "",
    "const ROWS: readonly Row[] = [",
    ...rows,
    "];",
    "",
    "export const MUNICIPALITY_ROWS: readonly Municipality[] = ROWS.map(",
    "  ([code, name, regionCode, region, amk, lat, lon, officialName]) => ({",
    "    code,",
    "    name,",
    "    regionCode,",
    "    region,",
    "    amk,",
    "    lat,",
    "    lon,",
    "    officialName,",
    "  }),",
    ");",
    "",
  ].join("\n");
}

/** The AMK contact blocks; an empty field stays empty (a letter shows a placeholder, never a guess). */
export function renderAmkModule(csv: string): string {
  const lines = csv.trim().split(/\r?\n/);
  const expected = "amk,name_line,address_1,address_2,phone,email,web";
  if (lines[0] !== expected) throw new Error(`amk.csv: header must be ${expected}`);
  const rows = lines.slice(1).map((line) => {
    const [amk, nameLine, address1, address2, phone, email, web] = line.split(",").map((v) => v.trim());
    const fields = { amk, nameLine, address1, address2, phone, email, web };
    const body = Object.entries(fields).map(([k, v]) => `    ${k}: ${JSON.stringify(v)},`);
    return ["  {", ...body, "  },"].join("\n");
  });
  return [
    "// Generated from data/amk.csv by scripts/gen-municipalities.ts — do not edit by hand.",
    'import type { AmkContact } from "./amk.ts";',
    "",
    "export const AMK_ROWS: readonly AmkContact[] = [",
    ...rows,
    "];",
    "",
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const csv = readFileSync(`${root}/data/municipalities.csv`, "utf8");
  writeFileSync(`${root}/lib/domain/municipalities.data.ts`, renderMunicipalitiesModule(csv));
  writeFileSync(`${root}/lib/domain/amk.data.ts`, renderAmkModule(readFileSync(`${root}/data/amk.csv`, "utf8")));
  console.error("wrote lib/domain/municipalities.data.ts and lib/domain/amk.data.ts");
}
