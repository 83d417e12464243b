// Data loader: the reference figures from STAR's letter to Ishøj Kommune (Sep–Nov 2022, shares
// only), copied unchanged from data/reference/ so /data can offer them for download.
import { readFileSync } from "node:fs";
process.stdout.write(readFileSync(new URL("../../data/reference/ishoej-2022-09-11.csv", import.meta.url)));
