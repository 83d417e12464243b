/** What tests compare when two ways of reading the same input must agree. */
import { InputError } from "../../lib/domain/issues.ts";
import type { Measurements } from "../../lib/domain/measurements.ts";
import { cellOrigin } from "../../lib/import/index.ts";

/** The canonical long-CSV header. */
export const LONG_HEADER =
  "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without";

/** Everything observable about one reading: the data and origins, or the issues thrown. */
export function outcome(read: () => Measurements): unknown {
  try {
    const m = read();
    return {
      cells: m.cells,
      names: [...m.names],
      warnings: m.warnings,
      origins: m.cells.map((_, i) => cellOrigin(m, i)),
    };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { issues: e.issues, message: e.message };
  }
}
