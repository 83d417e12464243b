/**
 * Table 1 of STAR's note (docs/rules.md §2): the legal minimum effort in the first six months per
 * benefit group. This is the single source for every page, importer and rule that needs it.
 */
import type { BenefitGroupId, Measure, Month } from "./types.ts";

export interface ConversationRequirement {
  /** Minimum number of job conversations in the first six months. */
  readonly minimum: number;
  /**
   * A later change to who holds the conversations: from `from`, only `minimum` conversations held
   * by the jobcenter count (the a-kasse holds the first months). Null when the rule never changed.
   */
  readonly change: { readonly from: Month; readonly minimum: number; readonly note: string } | null;
}

export interface BenefitGroup {
  readonly id: BenefitGroupId;
  /** The label Jobindsats uses for the group. */
  readonly label: string;
  /** Short Danish noun for sentences ("a-dagpengemodtagere"). */
  readonly recipients: string;
  /** Null for the aggregate row, which has no requirement of its own. */
  readonly conversations: ConversationRequirement | null;
  /** True when at least one active offer is required in the first six months. */
  readonly offerRequired: boolean;
  /** A caveat of the table, in Danish, or null. */
  readonly note: string | null;
  /**
   * Other spellings seen in real exports, accepted as the same group. Each alias is an explicit,
   * documented choice; anything else is rejected with a suggestion.
   */
  readonly aliases: readonly string[];
}

const FOUR: ConversationRequirement = { minimum: 4, change: null };

export const BENEFIT_GROUPS: readonly BenefitGroup[] = [
  {
    id: "dagpenge",
    label: "A-dagpenge mv.",
    recipients: "a-dagpengemodtagerne",
    conversations: {
      minimum: 4,
      change: {
        from: "2024-01",
        minimum: 3,
        note: "Fra januar 2024 holder a-kassen samtalerne i måned 1–3; jobcentret skal holde 3 samtaler i måned 4–6.",
      },
    },
    offerRequired: true,
    note: null,
    aliases: ["A-dagpenge", "Dagpenge", "A-dagpenge m.v."],
  },
  {
    id: "sygedagpenge",
    label: "Sygedagpenge",
    recipients: "sygedagpengemodtagerne",
    conversations: FOUR,
    offerRequired: false,
    note: null,
    aliases: ["Sygedagpenge mv.", "Sygedagpenge m.v."],
  },
  {
    id: "kontanthjaelp",
    label: "Kontanthjælp",
    recipients: "kontanthjælpsmodtagerne",
    conversations: FOUR,
    offerRequired: true,
    note: null,
    // "Kortantihjælp" is a misspelling in STAR's letter to Ishøj (20 Feb 2023), kept so that
    // the table can be pasted as published.
    aliases: ["Kontanthjælp mv.", "Kontanthjaelp", "Kortantihjælp"],
  },
  {
    id: "uddannelseshjaelp",
    label: "Uddannelseshjælp",
    recipients: "uddannelseshjælpsmodtagerne",
    conversations: FOUR,
    offerRequired: true,
    note: "Om tilbuddet gives rettidigt (inden for en måned) måles ikke.",
    aliases: ["Uddannelseshjaelp", "Uddannelseshjælp mv."],
  },
  {
    id: "revalidering",
    label: "Revalidering inkl. forrevalidering",
    recipients: "borgerne i revalidering",
    conversations: FOUR,
    offerRequired: false,
    note: null,
    aliases: ["Revalidering", "Revalidering inklusiv forrevalidering"],
  },
  {
    id: "ressourceforloeb",
    label: "Ressourceforløb",
    recipients: "borgerne i ressourceforløb",
    conversations: FOUR,
    offerRequired: false,
    note: null,
    aliases: ["Ressourceforloeb", "Ressourceforløbsydelse"],
  },
  {
    id: "jobafklaring",
    label: "Jobafklaringsforløb",
    recipients: "borgerne i jobafklaringsforløb",
    conversations: FOUR,
    offerRequired: false,
    note: null,
    aliases: ["Jobafklaring", "Jobafklaringsforloeb"],
  },
  {
    id: "ledighedsydelse",
    label: "Ledighedsydelse",
    recipients: "ledighedsydelsesmodtagerne",
    conversations: FOUR,
    offerRequired: false,
    note: null,
    aliases: [],
  },
  {
    id: "overgangsydelse",
    label: "Overgangsydelsesmodtagere uden for program",
    recipients: "overgangsydelsesmodtagerne uden for program",
    conversations: FOUR,
    offerRequired: true,
    note: null,
    aliases: ["Overgangsydelse", "Overgangsydelsesmodtagere"],
  },
  {
    id: "alle",
    label: "Ydelsesgrupper i alt",
    recipients: "borgerne",
    conversations: null,
    offerRequired: false,
    note: "Samlet række for alle ydelsesgrupper; ingen selvstændigt krav.",
    aliases: ["I alt", "Alle ydelsesgrupper", "Alle"],
  },
];

const BY_ID = new Map(BENEFIT_GROUPS.map((g) => [g.id, g]));

export function benefitGroup(id: BenefitGroupId): BenefitGroup {
  return BY_ID.get(id)!;
}

/** The groups that carry a requirement of their own (all but the aggregate `alle`). */
export const REQUIRING_GROUPS: readonly BenefitGroup[] = BENEFIT_GROUPS.filter((g) => g.id !== "alle");

/** The groups with an offer requirement: the population of the `tilbud` criterion (docs/rules.md §3.2). */
export const OFFER_GROUPS: readonly BenefitGroup[] = BENEFIT_GROUPS.filter((g) => g.offerRequired);

/** Whether Table 1 requires `measure` of `group` (the aggregate row requires nothing itself). */
export function isRequired(group: BenefitGroupId, measure: Measure): boolean {
  const g = BY_ID.get(group);
  if (!g || g.id === "alle") return false;
  return measure === "samtaler" ? g.conversations !== null : g.offerRequired;
}

/** The conversation minimum in force for `group` in `month` (Table 1, with the 2024 change). */
export function conversationMinimum(group: BenefitGroupId, month: Month): number | null {
  const c = BY_ID.get(group)?.conversations;
  if (!c) return null;
  return c.change && month >= c.change.from ? c.change.minimum : c.minimum;
}

/** Lower-cases and folds white space, so labels match regardless of case and spacing. */
export function normalizeLabel(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

const LABEL_INDEX: ReadonlyMap<string, BenefitGroupId> = (() => {
  const m = new Map<string, BenefitGroupId>();
  for (const g of BENEFIT_GROUPS) {
    for (const name of [g.id, g.label, ...g.aliases]) m.set(normalizeLabel(name), g.id);
  }
  return m;
})();

/** Resolves an id, a Jobindsats label or a documented alias; null when unknown. */
export function resolveBenefitGroup(text: string): BenefitGroupId | null {
  return LABEL_INDEX.get(normalizeLabel(text)) ?? null;
}

/** Every accepted spelling (normalised), for suggestions. */
export function knownBenefitGroupNames(): string[] {
  return BENEFIT_GROUPS.flatMap((g) => [g.id, g.label]);
}
