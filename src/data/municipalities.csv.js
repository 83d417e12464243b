// Data loader: the 98 municipalities (code, name, region, AMK, centroid), copied unchanged from
// data/municipalities.csv so /data can offer them for download.
import { readFileSync } from "node:fs";
process.stdout.write(readFileSync(new URL("../../data/municipalities.csv", import.meta.url)));
