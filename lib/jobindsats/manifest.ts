/** The provenance manifest written beside a live Jobindsats snapshot (data/jobindsats/manifest.json). */
import type { Month } from "../domain/types.ts";
import type { FetchResult } from "./fetch.ts";

export interface LiveManifest {
  readonly synthetic: false;
  readonly source: "Jobindsats API";
  readonly baseUrl: string;
  readonly subjectId: number;
  readonly tables: readonly {
    readonly role: string;
    readonly id: string;
    readonly name: string;
    readonly via: "discovered" | "explicit";
    readonly rowsReceived: number;
    readonly cells: number;
    readonly unavailableMonths: readonly Month[];
    readonly skippedAreas: readonly string[];
  }[];
  readonly months: { readonly from: Month; readonly to: Month };
  readonly fetchedAt: string;
  readonly rows: number;
  readonly municipalities: number;
  readonly sha256: string;
}

export function liveManifest(
  r: FetchResult,
  info: { baseUrl: string; subjectId: number; fetchedAt: string; sha256: string },
): LiveManifest {
  return {
    synthetic: false,
    source: "Jobindsats API",
    baseUrl: info.baseUrl,
    subjectId: info.subjectId,
    tables: r.tables.map((t) => ({
      role: t.role,
      id: t.id,
      name: t.name,
      via: t.via,
      rowsReceived: t.rowsReceived,
      cells: t.cells,
      unavailableMonths: t.unavailableMonths,
      skippedAreas: t.skippedAreas,
    })),
    months: r.months,
    fetchedAt: info.fetchedAt,
    rows: r.cells.length,
    municipalities: new Set(r.cells.map((c) => c.municipalityCode)).size,
    sha256: info.sha256,
  };
}
