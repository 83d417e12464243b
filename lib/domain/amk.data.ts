// Generated from data/amk.csv by scripts/gen-municipalities.ts — do not edit by hand.
import type { AmkContact } from "./amk.ts";

export const AMK_ROWS: readonly AmkContact[] = [
  {
    amk: "AMK Øst",
    nameLine: "Styrelsen for Arbejdsmarked og Rekruttering",
    address1: "Ny Østergade 9",
    address2: "DK-4000 Roskilde",
    phone: "+45 72 22 34 00",
    email: "star@star.dk",
    web: "www.star.dk/amk-oest",
  },
  {
    amk: "AMK Syd",
    nameLine: "Styrelsen for Arbejdsmarked og Rekruttering",
    address1: "",
    address2: "",
    phone: "",
    email: "",
    web: "",
  },
  {
    amk: "AMK Midt-Nord",
    nameLine: "Styrelsen for Arbejdsmarked og Rekruttering",
    address1: "",
    address2: "",
    phone: "",
    email: "",
    web: "",
  },
];
