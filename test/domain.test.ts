import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { renderMunicipalitiesModule } from "../scripts/gen-municipalities.ts";
import { MUNICIPALITIES, municipalityByCode, municipalityCodeByName } from "../lib/domain/municipalities.ts";
import { conversationMinimum, isRequired, OFFER_GROUPS, resolveBenefitGroup } from "../lib/domain/benefit-groups.ts";
import { monthRange, parseMonth, parsePeriod } from "../lib/domain/month.ts";
import { parseDecimal } from "../lib/domain/decimal.ts";

describe("municipalities", () => {
  it("has the 98 municipalities of the committed fact file, in sync with the generated module", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    const csv = readFileSync(new URL("../data/municipalities.csv", import.meta.url), "utf8");
    const generated = readFileSync(new URL("../lib/domain/municipalities.data.ts", import.meta.url), "utf8");
    expect(generated).toBe(renderMunicipalitiesModule(csv));
  });
  it("finds Ishøj by code and by name variants", () => {
    expect(municipalityByCode("183")?.name).toBe("Ishøj");
    expect(municipalityCodeByName("  ishøj ")).toBe("183");
    expect(municipalityCodeByName("Høje Taastrup")).toBe("169");
    expect(municipalityCodeByName("Atlantis")).toBeNull();
  });
});

describe("benefit groups (Table 1)", () => {
  it("resolves ids, labels and documented aliases, case- and space-insensitively", () => {
    expect(resolveBenefitGroup("A-dagpenge mv.")).toBe("dagpenge");
    expect(resolveBenefitGroup("  revalidering   INKL. forrevalidering")).toBe("revalidering");
    expect(resolveBenefitGroup("Kortantihjælp")).toBe("kontanthjaelp");
    expect(resolveBenefitGroup("Ydelsesgrupper i alt")).toBe("alle");
    expect(resolveBenefitGroup("Folkepension")).toBeNull();
  });
  it("requires offers only of the four offer groups", () => {
    expect(OFFER_GROUPS.map((g) => g.id)).toEqual([
      "dagpenge",
      "kontanthjaelp",
      "uddannelseshjaelp",
      "overgangsydelse",
    ]);
    expect(isRequired("sygedagpenge", "tilbud")).toBe(false);
    expect(isRequired("sygedagpenge", "samtaler")).toBe(true);
    expect(isRequired("alle", "samtaler")).toBe(false);
  });
  it("lowers the dagpenge conversation minimum to 3 jobcenter conversations from 2024-01", () => {
    expect(conversationMinimum("dagpenge", "2023-12")).toBe(4);
    expect(conversationMinimum("dagpenge", "2024-01")).toBe(3);
    expect(conversationMinimum("sygedagpenge", "2024-01")).toBe(4);
  });
});

describe("months and periods", () => {
  it("accepts YYYY-MM and the Jobindsats form", () => {
    expect(parseMonth("2022M09")).toBe("2022-09");
    expect(parseMonth("2022-13")).toBeNull();
  });
  it("parses half-years and ranges", () => {
    expect(parsePeriod("2024H2")).toMatchObject({ label: "2024H2", months: monthRange("2024-07", "2024-12") });
    expect(parsePeriod("2022-09..2022-11")).toMatchObject({ months: ["2022-09", "2022-10", "2022-11"] });
    expect(parsePeriod("2022-11..2022-09")).toHaveProperty("error");
    expect(parsePeriod("H1")).toHaveProperty("error");
  });
  it("keeps published shares as exact decimals", () => {
    expect(parseDecimal("45,5")).toEqual({ num: 455, den: 10 });
    expect(parseDecimal("20")).toEqual({ num: 20, den: 1 });
    expect(parseDecimal("-1")).toBeNull();
  });
});
