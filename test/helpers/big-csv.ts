/**
 * A long CSV with `rows` data rows (20 municipalities × 10 groups × 2 measures per month, as many
 * months as needed), for the 200,000-row worker parse in the browser test and the benchmark.
 */
import { BENEFIT_GROUP_IDS } from "../../lib/domain/types.ts";

const CODES = ["101", "147", "151", "153", "155", "157", "159", "161", "163", "165"];
const MORE_CODES = ["167", "169", "173", "175", "183", "185", "187", "190", "201", "210"];

export function bigCsv(rows: number): string {
  const lines = ["municipality_code,benefit_group,measure,month,population,without,share_without"];
  let n = 0;
  for (let month = 0; n < rows; month++) {
    const m = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    for (const code of [...CODES, ...MORE_CODES])
      for (const g of BENEFIT_GROUP_IDS)
        for (const measure of ["samtaler", "tilbud"]) {
          if (n >= rows) break;
          const p = 20 + ((n * 7) % 180);
          const w = (n * 13) % (p + 1);
          lines.push(`${code},${g},${measure},${m},${p},${w},${((100 * w) / p).toFixed(1)}`);
          n++;
        }
  }
  return lines.join("\n") + "\n";
}
