/** The 98 municipalities (data/municipalities.csv), with lookups by code and by name. */
import { MUNICIPALITY_ROWS } from "./municipalities.data.ts";
import { normalizeLabel } from "./benefit-groups.ts";

export interface Municipality {
  /** Official 3-digit code, as text ("101", "183"). */
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  readonly region: string;
  /** STAR's regional labour-market office. */
  readonly amk: string;
  /** Approximate centroid, used to lay out the tile-grid map. */
  readonly lat: number;
  readonly lon: number;
  /** The name in sentences and letters: "Ishøj Kommune", "Københavns Kommune", "Bornholms Regionskommune". */
  readonly officialName: string;
}

export const MUNICIPALITIES: readonly Municipality[] = MUNICIPALITY_ROWS;

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityByCode(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}

/**
 * Other names areas go by in Jobindsats and elsewhere, mapped to the official code. Explicit and
 * documented: an area name that is neither a name here nor an alias is an error.
 */
export const MUNICIPALITY_ALIASES: Readonly<Record<string, string>> = {
  "Københavns Kommune": "101",
  "Høje Taastrup": "169",
  "Lyngby Taarbæk": "173",
  Århus: "751",
  "Bornholms Regionskommune": "400",
  "Brønderslev-Dronninglund": "810",
  "Ringkøbing Skjern": "760",
  "Faaborg Midtfyn": "430",
};

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const x of MUNICIPALITIES) {
    m.set(normalizeLabel(x.name), x.code);
    m.set(normalizeLabel(`${x.name} Kommune`), x.code);
  }
  for (const [alias, code] of Object.entries(MUNICIPALITY_ALIASES)) m.set(normalizeLabel(alias), code);
  return m;
})();

/** The code of a municipality named `name` (case/space-insensitive, aliases included), or null. */
export function municipalityCodeByName(name: string): string | null {
  return BY_NAME.get(normalizeLabel(name)) ?? null;
}
