/**
 * Draft letters (docs/rules.md §6): the four kinds STAR sends — the 2024 model's henvendelse and the
 * 2020 model's henvendelse, manglende genopretning and genoprettet — built from the verdict's traces,
 * the parameters, the municipality data and the AMK contact block. The site's /breve and the CLI's
 * `letter` command both use this one generator. Pure: no DOM, no clock; a fact the data cannot give
 * (a date, a name, an address) is either a parameter or a visible [placeholder].
 */
import type { BenefitGroupId, Measure, Month } from "../domain/types.ts";
import { BENEFIT_GROUPS, OFFER_GROUPS, benefitGroup, conversationMinimum } from "../domain/benefit-groups.ts";
import type { Municipality } from "../domain/municipalities.ts";
import { amkContact, type AmkContact } from "../domain/amk.ts";
import type { Evaluation } from "../rules/evaluate.ts";
import type { CriterionTrace, MunicipalityVerdict } from "../rules/trace.ts";
import { addDays, shiftedWindow } from "../rules/calendar.ts";
import { PLAN_DUE_DAYS } from "../rules/parameters.ts";
import { limitForThreshold, limitOf } from "../rules/request.ts";
import { shareFromCounts, shareRounded } from "../rules/share.ts";
import {
  formatCountWord,
  formatDateLong,
  formatMonthLong,
  formatMonthSpanLong,
  formatPercentWord,
} from "../explain/format.ts";
import { LETTER_KIND_LABELS, SYNTHETIC_BANNER, windowLabel, type LetterKind } from "../explain/labels.ts";

export type { LetterKind };

/** What the user asks for (`--kind`); `auto` follows the verdict. */
export type LetterKindChoice = "auto" | "henvendelse" | "manglende-genopretning" | "genoprettet";
export const LETTER_KIND_CHOICES: readonly LetterKindChoice[] = [
  "auto",
  "henvendelse",
  "manglende-genopretning",
  "genoprettet",
];

/** Longest restoration plan the 2020 model asks for, in months. */
export const PLAN_MAX_MONTHS = 6;

/** Reads one cell of the input (a MeasurementIndex satisfies it), for the letter's tables. */
export interface CellSource {
  row(
    code: string,
    group: BenefitGroupId,
    measure: Measure,
    month: Month,
  ): {
    readonly present: boolean;
    readonly population: number | null;
    readonly without: number | null;
    readonly share: { readonly num: number; readonly den: number } | null;
  };
}

export interface LetterOptions {
  /** The letter's date, YYYY-MM-DD; else "[dato]". */
  readonly letterDate?: string | null;
  /** The date of the earlier contact (2020: manglende genopretning, genoprettet), YYYY-MM-DD. */
  readonly contactDate?: string | null;
  /** The addressee's first name in "Kære …". */
  readonly salutation?: string | null;
  readonly signatory?: string | null;
  readonly title?: string | null;
  readonly jnr?: string | null;
  /** Where the figures come from, in words: "Jobindsats.dk (ishoej-2022-09-11.csv)". */
  readonly source: string;
  /** The date of the data in words: "tal til og med november 2022". */
  readonly dataDate?: string | null;
  readonly synthetic?: boolean;
  /** The input, for tables with every benefit group; without it, only the traces' groups are shown. */
  readonly cells?: CellSource;
}

/** One table as STAR lays it out: benefit groups as rows, the window's months as columns. */
export interface LetterTable {
  readonly measure: Measure;
  readonly caption: string;
  /** "september 2022", … */
  readonly columns: readonly string[];
  /** Cells in Danish decimals ("45,5"), "." where the figure is not published. */
  readonly rows: readonly {
    readonly group: BenefitGroupId;
    readonly label: string;
    readonly cells: readonly string[];
  }[];
}

export type LetterSectionKind = "background" | "measured" | "tables" | "follows" | "plan" | "contact";

export type LetterBlock =
  | { readonly type: "paragraph"; readonly section: LetterSectionKind; readonly text: string }
  | { readonly type: "list"; readonly section: LetterSectionKind; readonly items: readonly string[] }
  | { readonly type: "table"; readonly section: LetterSectionKind; readonly table: LetterTable };

export interface Letter {
  readonly kind: LetterKind;
  readonly kindLabel: string;
  readonly municipalityCode: string;
  /** "Ishøj Kommune" */
  readonly municipalityName: string;
  /** The letterhead: sender and contact block, one line each ("[adresse]" where unknown). */
  readonly sender: readonly string[];
  /** "Dato: 20. februar 2023" or "Dato: [dato]" */
  readonly dateLine: string;
  /** "J.nr. 22/04822" or "J.nr. [j.nr.]" */
  readonly jnrLine: string;
  readonly recipient: string;
  readonly subject: string;
  /** "Kære [navn]" */
  readonly salutation: string;
  readonly blocks: readonly LetterBlock[];
  readonly closing: string;
  /** [name, title] */
  readonly signature: readonly [string, string];
  /** "Datagrundlag: …" */
  readonly sourceLine: string;
  /** "sep.–nov. 2022", "1. halvår 2025": the window the letter is about. */
  readonly periodLabel: string;
  readonly synthetic: boolean;
}

/** The kind of letter a verdict calls for, or null when it calls for none. */
export function letterKindFor(
  evaluation: Pick<Evaluation, "ruleSet" | "mode">,
  verdict: Pick<MunicipalityVerdict, "status">,
): LetterKind | null {
  if (evaluation.ruleSet === "opfoelgning-2024") return verdict.status === "flagged" ? "henvendelse-2024" : null;
  if (evaluation.mode === "restoration") {
    if (verdict.status === "not-restored") return "manglende-genopretning";
    if (verdict.status === "restored") return "genoprettet";
    return null;
  }
  return verdict.status === "flagged" ? "henvendelse-2020" : null;
}

/** Whether the verdict calls for a letter under this evaluation. */
export function needsLetter(
  evaluation: Pick<Evaluation, "ruleSet" | "mode">,
  verdict: Pick<MunicipalityVerdict, "status">,
): boolean {
  return letterKindFor(evaluation, verdict) !== null;
}

/** The kind for a `--kind` choice: the verdict's own kind, or null when the choice does not fit it. */
export function chooseLetterKind(
  choice: LetterKindChoice,
  evaluation: Pick<Evaluation, "ruleSet" | "mode">,
  verdict: Pick<MunicipalityVerdict, "status">,
): LetterKind | null {
  const kind = letterKindFor(evaluation, verdict);
  if (choice === "auto" || kind === null) return kind;
  const wanted: Readonly<Record<Exclude<LetterKindChoice, "auto">, readonly LetterKind[]>> = {
    henvendelse: ["henvendelse-2024", "henvendelse-2020"],
    "manglende-genopretning": ["manglende-genopretning"],
    genoprettet: ["genoprettet"],
  };
  return wanted[choice].includes(kind) ? kind : null;
}

const GENERAL_CONVERSATIONS = 4;

function placeholder(value: string | null | undefined, name: string): string {
  return value && value.trim() ? value.trim() : `[${name}]`;
}

/** The letterhead: the sender and its contact block; an unknown field stays a placeholder. */
function senderLines(kind: LetterKind, amkName: string, contact: AmkContact | undefined): string[] {
  const star = "Styrelsen for Arbejdsmarked og Rekruttering";
  const lines = kind === "henvendelse-2024" ? [star, amkName] : [amkName, contact?.nameLine || star];
  lines.push(
    placeholder(contact?.address1, "adresse"),
    placeholder(contact?.address2, "postnummer og by"),
    `T: ${placeholder(contact?.phone, "telefon")}`,
    `E: ${placeholder(contact?.email, "e-mail")}`,
    placeholder(contact?.web, "web"),
  );
  return lines;
}

/** "sygedagpengemodtagerne med seks måneders ydelsesanciennitet" */
function population(t: Pick<CriterionTrace, "groups" | "measure">): string {
  if (t.groups.length === 1) return `${benefitGroup(t.groups[0]!).recipients} med seks måneders ydelsesanciennitet`;
  return t.measure === "samtaler"
    ? "borgerne med seks måneders ydelsesanciennitet"
    : "borgerne med seks måneders ydelsesanciennitet i ydelsesgrupper med krav om tilbud";
}

/** "samtaler til sygedagpengemodtagerne", "tilbud til a-dagpengemodtagerne", "samtaler" */
function topic(t: Pick<CriterionTrace, "groups" | "measure">): string {
  return t.groups.length === 1 ? `${t.measure} til ${benefitGroup(t.groups[0]!).recipients}` : t.measure;
}

/** A bullet as a sentence of its own: capital first letter, full stop. */
function sentence(text: string): string {
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

function conversationsOf(t: CriterionTrace): number {
  const group = t.groups.length === 1 ? t.groups[0]! : null;
  const minima = new Set(t.window.map((m) => (group ? conversationMinimum(group, m) : GENERAL_CONVERSATIONS)));
  return minima.size === 1 ? ([...minima][0] ?? GENERAL_CONVERSATIONS) : GENERAL_CONVERSATIONS;
}

/** The 2024 model as STAR words it: "færre end 80 pct. af borgerne … har modtaget mindst fire jobsamtaler". */
function bullet2024(t: CriterionTrace, threshold: number): string {
  const pct = formatPercentWord(threshold).replace(" procent", " pct.");
  if (t.measure === "tilbud") return `færre end ${pct} af ${population(t)} har modtaget mindst ét aktivt tilbud`;
  const dagpengeOnly = t.groups.length === 1 && t.groups[0] === "dagpenge";
  const n = conversationsOf(t);
  if (dagpengeOnly && n === 3)
    return `færre end ${pct} af ${population(t)} har modtaget mindst tre jobsamtaler i jobcenteret`;
  const dagpengeNote =
    t.groups.length > 1 && t.window.some((m) => conversationMinimum("dagpenge", m) === 3)
      ? " (for a-dagpengemodtagerne mindst tre jobsamtaler i jobcenteret)"
      : "";
  return `færre end ${pct} af ${population(t)} har modtaget mindst ${formatCountWord(n)} jobsamtaler${dagpengeNote}`;
}

/** The 2020 model: "mere end 20 procent af sygedagpengemodtagerne … havde ikke modtaget fire samtaler". */
function bullet2020(t: CriterionTrace, limit: number): string {
  const effort = t.measure === "samtaler" ? `${formatCountWord(conversationsOf(t))} samtaler` : "et aktivt tilbud";
  return `mere end ${formatPercentWord(limit)} af ${population(t)} havde ikke modtaget ${effort}`;
}

function cellText(
  source: CellSource | undefined,
  traces: readonly CriterionTrace[],
  code: string,
  group: BenefitGroupId,
  measure: Measure,
  month: Month,
): string | null {
  const fmt = (v: number) => v.toFixed(1).replace(".", ",");
  if (source) {
    const r = source.row(code, group, measure, month);
    if (!r.present) return null;
    if (r.share) return fmt(shareRounded(r.share));
    const s = r.population !== null && r.without !== null ? shareFromCounts(r.without, r.population) : null;
    return s ? fmt(shareRounded(s)) : ".";
  }
  const t = traces.find((x) => x.measure === measure && x.groups.length === 1 && x.groups[0] === group);
  const m = t?.months.find((x) => x.month === month);
  if (!m) return null;
  return m.shareWithout === null ? "." : fmt(m.shareWithout);
}

/** One table per measure the letter is about: "Ydelsesgrupper i alt" first for conversations. */
function tablesOf(
  measures: readonly Measure[],
  window: readonly Month[],
  code: string,
  name: string,
  traces: readonly CriterionTrace[],
  cells: CellSource | undefined,
): LetterTable[] {
  const out: LetterTable[] = [];
  for (const measure of measures) {
    const groups =
      measure === "samtaler"
        ? [BENEFIT_GROUPS.find((g) => g.id === "alle")!, ...BENEFIT_GROUPS.filter((g) => g.id !== "alle")]
        : OFFER_GROUPS;
    const rows = groups
      .map((g) => ({
        group: g.id,
        label: g.label,
        raw: window.map((m) => cellText(cells, traces, code, g.id, measure, m)),
      }))
      .filter((r) => r.raw.some((c) => c !== null))
      .map((r) => ({ group: r.group, label: r.label, cells: r.raw.map((c) => c ?? ".") }));
    if (!rows.length) continue;
    const what = measure === "samtaler" ? "har fået færre end fire samtaler" : "ikke har fået et aktivt tilbud";
    out.push({
      measure,
      caption: `${name}: Andel personer (6 mdr. på ydelse), som ${what} (pct.)`,
      columns: window.map(formatMonthLong),
      rows,
    });
  }
  return out;
}

function measuresOf(traces: readonly CriterionTrace[]): Measure[] {
  return (["samtaler", "tilbud"] as const).filter((m) => traces.some((t) => t.measure === m));
}

const BACKGROUND =
  "Med aftalen om en forenklet beskæftigelsesindsats fra 2018 blev en række proceskrav til kommunerne lempet, " +
  "så indsatsen i højere grad kan tilrettelægges efter den enkelte borgers behov. Siden 1. januar 2020 gælder " +
  "der derfor kun et krav om fire samtaler og, for nogle ydelsesgrupper, et aktivt tilbud i løbet af borgerens " +
  "første seks måneder på ydelse. Styrelsen for Arbejdsmarked og Rekruttering (STAR) holder som en del af " +
  "ministerens ressorttilsyn øje med, at borgerne i denne periode får den indsats, loven giver dem ret til.";

const WHY_IT_MATTERS =
  "Det er vigtigt, at samtaler og tilbud bliver gennemført. Forskningen viser, at netop den tidlige indsats " +
  "har stor betydning for, hvor hurtigt ledige kommer i arbejde.";

const PLAN_POINTS = [
  "hvilke målgrupper genopretningsplanen omfatter",
  "de konkrete initiativer, kommunen vil sætte i gang",
  "mål og milepæle, som genopretningen kan følges på",
  "en plan for den politiske og ledelsesmæssige opfølgning på planen",
];

/**
 * The draft letter of `kind` to one municipality about one evaluation (defaults to the kind the
 * verdict calls for), or null when the verdict calls for no letter of that kind.
 */
export function letterFor(
  verdict: MunicipalityVerdict,
  municipality: Municipality,
  evaluation: Evaluation,
  options: LetterOptions = { source: "[datakilde]" },
  kind: LetterKind | null = letterKindFor(evaluation, verdict),
): Letter | null {
  if (kind === null || kind !== letterKindFor(evaluation, verdict)) return null;
  const name = municipality.officialName;
  const code = verdict.code;
  const window = evaluation.window;
  const p = evaluation.parameters;
  const limit = limitOf(p);
  const minPopulation = p.minPopulation;
  const n = formatCountWord(window.length);
  const blocks: LetterBlock[] = [];
  const para = (section: LetterSectionKind, text: string) => blocks.push({ type: "paragraph", section, text });
  const list = (section: LetterSectionKind, items: readonly string[]) => blocks.push({ type: "list", section, items });
  const letterDate = options.letterDate ?? null;
  const dateWords = letterDate ? formatDateLong(letterDate) : null;
  const contact = options.contactDate ? formatDateLong(options.contactDate) : "[dato for henvendelsen]";
  const next = shiftedWindow(evaluation.ruleSet, window, 6);
  const nextWhen = next.assessed
    ? `i ${formatMonthLong(next.assessed)}, når tallene for ${formatMonthSpanLong(next.months)} foreligger på Jobindsats`
    : `når tallene for ${formatMonthSpanLong(next.months)} foreligger på Jobindsats`;
  const restoredWhen =
    `Vi betragter indsatsen som genoprettet, hvis andelen af borgerne, der ikke har fået den lovpligtige indsats, ` +
    `er under ${formatPercentWord(limit)} i mindst én af de ${n} måneder, der følges op på, eller hvis der i en af ` +
    `månederne er færre end ${minPopulation} borgere med seks måneders ydelsesanciennitet.`;

  para("background", BACKGROUND);
  para("background", WHY_IT_MATTERS);

  let traces: CriterionTrace[];
  let subject: string;
  if (kind === "henvendelse-2024" || kind === "henvendelse-2020") {
    traces = verdict.criteria.filter((c) => c.status === "flagged");
    const threshold = p.ruleSet === "opfoelgning-2024" ? p.threshold : limitForThreshold(limit);
    subject =
      kind === "henvendelse-2024"
        ? "Den tidlige indsats i kommunen som helhed"
        : "Henvendelse om den tidlige beskæftigelsesindsats";
    para(
      "measured",
      `STAR har opgjort, i hvilket omfang ${name} har holdt samtaler og sat aktive tilbud i gang i ` +
        `${window.length === 6 ? windowLabel(window) : "perioden"} (${formatMonthSpanLong(window)}). ` +
        `Opgørelsen viser følgende for alle ${n} måneder:`,
    );
    list(
      "measured",
      traces.map((t) => sentence(kind === "henvendelse-2024" ? bullet2024(t, threshold) : bullet2020(t, limit))),
    );
    for (const table of tablesOf(measuresOf(traces), window, code, name, traces, options.cells))
      blocks.push({ type: "table", section: "tables", table });
    if (kind === "henvendelse-2024") {
      const what = joinAnd(
        measuresOf(traces).map((m) => (m === "samtaler" ? "holder samtaler nok" : "giver aktive tilbud nok")),
      );
      para(
        "follows",
        `Det betyder, at ${name} som helhed ikke ${what} til borgerne i de første seks måneder på ydelse. ` +
          `Kommunen er velkommen til at kontakte ${municipality.amk} for at få faglig bistand til at styrke ` +
          `indsatsen. Bistanden tilrettelægges efter kommunens situation. Kommunen skal ikke sende en ` +
          `redegørelse eller en genopretningsplan.`,
      );
    } else {
      para(
        "follows",
        `${name} har seks måneder regnet fra ${dateWords ?? "brevets dato"} til at genoprette indsatsen for ` +
          `${joinAnd(traces.map(topic))}. Vi følger op ${nextWhen}. ${restoredWhen}`,
      );
      para(
        "follows",
        `Er indsatsen ikke genoprettet ved opfølgningen, vil kommunen blive bedt om en skriftlig redegørelse og en ` +
          `genopretningsplan.`,
      );
    }
  } else {
    const underRestoration = verdict.criteria;
    const notRestored = underRestoration.filter((c) => c.status === "not-restored");
    const restored = underRestoration.filter((c) => c.status === "restored");
    traces = [...underRestoration];
    const previous = shiftedWindow(evaluation.ruleSet, window, -6);
    subject =
      kind === "manglende-genopretning"
        ? "Manglende genopretning af tidlig beskæftigelsesindsats"
        : "Genopretning af tidlig beskæftigelsesindsats";
    para(
      "measured",
      `Vi henvendte os til ${name} den ${contact}. Henvendelsen byggede på en opgørelse af kommunens samtaler ` +
        `og aktive tilbud i ${formatMonthSpanLong(previous.months)}, som viste følgende for alle ${n} måneder:`,
    );
    list(
      "measured",
      underRestoration.map((t) => sentence(bullet2020(t, limit))),
    );
    para(
      "measured",
      `Fra ${options.contactDate ? contact : "henvendelsen"} havde ${name} derefter seks måneder til at ` +
        `genoprette indsatsen. Tabellerne nedenfor viser tallene for ${formatMonthSpanLong(window)}.`,
    );
    for (const table of tablesOf(measuresOf(traces), window, code, name, traces, options.cells))
      blocks.push({ type: "table", section: "tables", table });
    if (kind === "manglende-genopretning") {
      const planFor = joinAnd(notRestored.map(topic));
      para(
        "follows",
        `Tallene viser, at det ikke er lykkedes kommunen at genoprette indsatsen for ${planFor}.` +
          (restored.length
            ? ` Indsatsen for ${joinAnd(restored.map(topic))} er genoprettet og indgår ikke længere i genopretningen.`
            : ""),
      );
      para(
        "plan",
        `${name} bedes derfor sende en skriftlig redegørelse for, hvorfor indsatsen ikke er genoprettet, og en ` +
          `genopretningsplan på højst ${formatCountWord(PLAN_MAX_MONTHS)} måneder for ${planFor}. ` +
          `Planen skal som minimum indeholde:`,
      );
      list("plan", PLAN_POINTS);
      const deadline = letterDate
        ? `senest ${formatDateLong(addDays(letterDate, PLAN_DUE_DAYS))}`
        : `senest ${PLAN_DUE_DAYS} dage efter brevets dato`;
      para("plan", `Redegørelsen og genopretningsplanen sendes til undertegnede ${deadline}.`);
      para("follows", `Vi følger op igen ${nextWhen}. ${restoredWhen}`);
      para(
        "follows",
        `Er indsatsen genoprettet, afsluttes genopretningsperioden uden yderligere initiativer. Lykkes det ikke at ` +
          `genoprette indsatsen, kan borgmesteren i ${name} blive indkaldt til et møde med ` +
          `beskæftigelsesministeren om sagen.`,
      );
    } else {
      para(
        "follows",
        `Tallene viser, at ${name} har genoprettet indsatsen for ${joinAnd(restored.map(topic))}: ` +
          `i mindst én af månederne var andelen uden indsats under ${formatPercentWord(limit)}, eller der var ` +
          `færre end ${minPopulation} borgere med seks måneders ydelsesanciennitet. Genopretningsperioden ` +
          `afsluttes derfor uden yderligere initiativer.`,
      );
    }
  }

  para(
    "contact",
    kind === "henvendelse-2024"
      ? `I er velkomne til at kontakte undertegnede eller ${municipality.amk}, hvis I har spørgsmål til opgørelsen.`
      : "I er velkomne til at kontakte undertegnede, hvis I har spørgsmål til opgørelsen eller til brevet.",
  );

  const sourceDate = options.dataDate ? `, ${options.dataDate}` : "";
  return {
    kind,
    kindLabel: LETTER_KIND_LABELS[kind],
    municipalityCode: code,
    municipalityName: name,
    sender: senderLines(kind, municipality.amk, amkContact(municipality.amk)),
    dateLine: `Dato: ${dateWords ?? "[dato]"}`,
    jnrLine: `J.nr. ${placeholder(options.jnr, "j.nr.")}`,
    recipient: name,
    subject,
    salutation: `Kære ${placeholder(options.salutation, "navn")}`,
    blocks,
    closing: "Med venlig hilsen",
    signature: [placeholder(options.signatory, "navn"), placeholder(options.title, "titel")],
    sourceLine: `Datagrundlag: ${options.source}${sourceDate}.`,
    periodLabel: windowLabel(window),
    synthetic: options.synthetic ?? false,
  };
}

const DRAFT = "UDKAST";

function padTable(t: LetterTable): string[] {
  const head = ["", ...t.columns];
  const body = t.rows.map((r) => [r.label, ...r.cells]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [t.caption, line(head), ...body.map(line)];
}

/** The letter as plain text (the CLI's default format). */
export function letterText(l: Letter): string {
  const out: string[] = [`${DRAFT} – ${l.kindLabel}`];
  if (l.synthetic) out.push(`*** ${SYNTHETIC_BANNER} ***`);
  out.push("", ...l.sender, "", l.dateLine, l.jnrLine, "", `Til: ${l.recipient}`, "", `**${l.subject}**`, "");
  out.push(l.salutation, "");
  for (const b of l.blocks) {
    if (b.type === "paragraph") out.push(b.text, "");
    else if (b.type === "list") out.push(...b.items.map((i) => `- ${i}`), "");
    else out.push(...padTable(b.table), "");
  }
  out.push(l.closing, "", ...l.signature, "", l.sourceLine);
  return out.join("\n") + "\n";
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function tableHtml(t: LetterTable): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join("");
  const rows = t.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.label)}</th>${r.cells.map((c) => `<td class="num">${esc(c)}</td>`).join("")}</tr>`,
    )
    .join("");
  return (
    `<div class="letter-table-wrap"><table class="letter-table" data-measure="${t.measure}">` +
    `<caption>${esc(t.caption)}</caption>` +
    `<thead><tr><th scope="col">Ydelsesgruppe</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** The letter as an HTML fragment (an <article>), for the site and the CLI's `--format html`. */
export function letterHtml(l: Letter): string {
  const blocks = l.blocks
    .map((b) =>
      b.type === "paragraph"
        ? `<p class="letter-${b.section}">${esc(b.text)}</p>`
        : b.type === "list"
          ? `<ul class="letter-${b.section}">${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`
          : tableHtml(b.table),
    )
    .join("\n");
  return [
    `<article class="letter" data-testid="letter" data-kind="${l.kind}" data-municipality="${esc(l.municipalityCode)}">`,
    `<p class="letter-draft" data-testid="letter-draft">${DRAFT} – ${esc(l.kindLabel)}</p>`,
    l.synthetic ? `<p class="letter-marker" data-testid="letter-synthetic">${esc(SYNTHETIC_BANNER)}</p>` : "",
    `<address class="letter-sender">${l.sender.map(esc).join("<br>")}</address>`,
    `<p class="letter-date">${esc(l.dateLine)}<br>${esc(l.jnrLine)}</p>`,
    `<p class="letter-recipient">Til: ${esc(l.recipient)}</p>`,
    `<p class="letter-subject"><strong>${esc(l.subject)}</strong></p>`,
    `<p class="letter-salutation">${esc(l.salutation)}</p>`,
    blocks,
    `<p class="letter-closing">${esc(l.closing)}</p>`,
    `<p class="letter-signature">${l.signature.map(esc).join("<br>")}</p>`,
    `<p class="letter-source">${esc(l.sourceLine)}</p>`,
    `</article>`,
  ].join("\n");
}

/** A whole HTML document around one letter, printable on its own ("Udkast" stays on the printed page). */
export function letterDocument(l: Letter): string {
  return [
    "<!doctype html>",
    '<html lang="da"><head><meta charset="utf-8">',
    `<title>${esc(`${DRAFT}: ${l.subject} – ${l.recipient}`)}</title>`,
    "<style>body{font:11pt/1.45 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}",
    ".letter-draft{font:bold 10pt sans-serif;letter-spacing:.1em;color:#a50f75;border:2px solid #a50f75;",
    "display:inline-block;padding:.1em .5em}.letter-sender{font-style:normal;float:right;text-align:right}",
    ".letter-subject{clear:both;margin-top:2em}table{border-collapse:collapse;margin:1em 0;font-size:10pt}",
    "th,td{border:1px solid #999;padding:.2em .4em}td.num{text-align:right}caption{text-align:left;font-weight:bold}",
    "@media print{.letter-draft{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style>",
    "</head><body>",
    letterHtml(l),
    "</body></html>",
    "",
  ].join("\n");
}
