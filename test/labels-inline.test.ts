/**
 * Every Danish word a reader sees comes from lib/explain/labels.ts (docs/decisions.md, "Language"):
 * the components (src/components/*.ts) and the JavaScript of the pages (```js blocks and ${…} in
 * src/**\/*.md) hold no Danish text of their own. The pages' Markdown prose is the page itself and
 * stays there. Found by reading the string and template literals with the TypeScript parser.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers/cli.ts";

/** Small Danish words that never occur in the code's identifiers, paths or CSS classes. */
const DANISH_WORDS = new Set(
  (
    "og ikke af er til med for der den det en et på som har kan skal eller når ingen måned måneder kommune " +
    "kommuner borgere borger grænsen andel indsats vurdering vurderinger udpeget viser hent vælg mindst efter " +
    "over under perioden tallene uden fejl alle vis ét én pr brev breve side ukendt"
  ).split(" "),
);
/** Single words that are Danish labels by themselves. */
const DANISH_LABELS = new Set(
  "kode periode kilde fil hentet borgere forklaring eksempel eksempler grænse grupper forbehold tabel ukendt søg".split(
    " ",
  ),
);
/** Deliberately inline: the tile map's abbreviations of long municipality names (names, not wording). */
const ALLOWED = new Set(["Høje-Taastrup", "Lyngby-Taarbæk", "Ringkøbing-Skjern", "Brøndby", "Brønderslev", "Brønd."]);

/** Whether a piece of literal text reads as Danish for a reader. */
export function looksDanish(text: string): boolean {
  const t = text.trim();
  if (t === "" || ALLOWED.has(t) || /\b(SELECT|FROM|WHERE|ORDER BY|GROUP BY)\b/.test(t)) return false;
  if (/^[a-z0-9_:./#[\]="?&-]+$/i.test(t) && !/[æøå]/i.test(t)) return DANISH_LABELS.has(t.toLowerCase());
  const words = t
    .toLowerCase()
    .split(/[^a-zæøå]+/)
    .filter(Boolean);
  return /[æøå]/i.test(t) || words.some((w) => DANISH_WORDS.has(w)) || DANISH_LABELS.has(t.toLowerCase());
}

interface Found {
  readonly where: string;
  readonly text: string;
}

/** The literal text of a script: string literals and the text of template literals outside their tags. */
function literalTexts(code: string, where: (line: number) => string, kind: ts.ScriptKind): Found[] {
  const src = ts.createSourceFile("x", code, ts.ScriptTarget.Latest, true, kind);
  const out: Found[] = [];
  const add = (node: ts.Node, text: string) =>
    out.push({ where: where(src.getLineAndCharacterOfPosition(node.getStart()).line + 1), text });
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) {
      const parts = ts.isNoSubstitutionTemplateLiteral(n)
        ? [n.text]
        : [n.head.text, ...n.templateSpans.map((s) => s.literal.text)];
      let inTag = false;
      for (let p of parts) {
        if (inTag) {
          const end = p.indexOf(">");
          if (end < 0) continue;
          p = p.slice(end + 1);
          inTag = false;
        }
        p = p.replace(/<[^>]*>/g, " ");
        const open = p.lastIndexOf("<");
        if (open >= 0) {
          p = p.slice(0, open);
          inTag = true;
        }
        add(n, p);
      }
    } else if (ts.isStringLiteral(n)) {
      // attribute names and values that are code: data-testid, class names, ids
      if (!ts.isPropertyAssignment(n.parent) || n.parent.name !== n) add(n, n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name.startsWith("_")
        ? []
        : files(join(dir, d.name), ext)
      : d.name.endsWith(ext)
        ? [join(dir, d.name)]
        : [],
  );
}

/** The JavaScript of a page: its ```js blocks, and the ${…} expressions of its prose. */
function pageScripts(file: string): { code: string; line: number }[] {
  const text = readFileSync(file, "utf-8");
  const lineAt = (i: number) => text.slice(0, i).split("\n").length;
  const out: { code: string; line: number }[] = [];
  for (const m of text.matchAll(/```js\n([\s\S]*?)```/g)) out.push({ code: m[1]!, line: lineAt(m.index!) });
  const prose = text.replace(/```[\s\S]*?```/g, (b) => b.replace(/[^\n]/g, " "));
  for (const m of prose.matchAll(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g))
    out.push({ code: `(${m[1]!})`, line: lineAt(m.index!) });
  return out;
}

describe("no inline Danish text outside lib/explain/labels.ts", () => {
  it("the check itself tells Danish text from code", () => {
    expect(looksDanish("Ingen kommuner at vise.")).toBe(true);
    expect(looksDanish("Måned")).toBe(true);
    expect(looksDanish("Kilde")).toBe(true);
    expect(looksDanish("./kommune/")).toBe(false);
    expect(looksDanish("data-testid")).toBe(false);
    expect(looksDanish("insufficient-data")).toBe(false);
    expect(looksDanish("alle")).toBe(false);
    expect(looksDanish("Brønderslev")).toBe(false);
  });

  it("in the components", () => {
    const found = files(join(PROJECT_ROOT, "src/components"), ".ts").flatMap((file) =>
      literalTexts(readFileSync(file, "utf-8"), (l) => `${relative(PROJECT_ROOT, file)}:${l}`, ts.ScriptKind.TS),
    );
    expect(found.length).toBeGreaterThan(100);
    expect(found.filter((f) => looksDanish(f.text))).toEqual([]);
  });

  it("in the pages' JavaScript", () => {
    const found = files(join(PROJECT_ROOT, "src"), ".md").flatMap((file) =>
      pageScripts(file).flatMap((s) =>
        literalTexts(s.code, (l) => `${relative(PROJECT_ROOT, file)}:${s.line + l}`, ts.ScriptKind.JS),
      ),
    );
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((f) => looksDanish(f.text))).toEqual([]);
  });
});
