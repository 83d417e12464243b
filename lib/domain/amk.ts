/** STAR's regional labour-market offices (AMK) and their contact blocks (data/amk.csv). */
import { AMK_ROWS } from "./amk.data.ts";

/** One AMK's letterhead fields; an empty string is unknown and must stay a placeholder in a letter. */
export interface AmkContact {
  /** "AMK Øst" */
  readonly amk: string;
  /** "Styrelsen for Arbejdsmarked og Rekruttering" */
  readonly nameLine: string;
  readonly address1: string;
  readonly address2: string;
  readonly phone: string;
  readonly email: string;
  readonly web: string;
}

export const AMK_CONTACTS: readonly AmkContact[] = AMK_ROWS;

export function amkContact(name: string): AmkContact | undefined {
  return AMK_CONTACTS.find((a) => a.amk === name);
}
