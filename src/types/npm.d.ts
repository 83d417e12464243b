// Types for the `npm:` imports Framework resolves in the browser (self-hosted, see
// scripts/offline/fill-npm-cache.ts), so the site's TypeScript components type-check: d3 and Plot
// are the installed packages' own types; htl ships none, so its two tags are declared here.
declare module "npm:d3" {
  export * from "d3";
}
declare module "npm:htl" {
  /**
   * Hypertext literal: a tagged template that returns its one root node. Which element that is can
   * only be read from the markup, so the caller names it: html<HTMLSelectElement>`<select>…</select>`
   * (default HTMLElement). A template with several roots returns a DocumentFragment: name that too.
   */
  export function html<T extends Node = HTMLElement>(strings: TemplateStringsArray, ...values: unknown[]): NoInfer<T>;
  /** The same for SVG markup (default SVGElement). */
  export function svg<T extends Node = SVGElement>(strings: TemplateStringsArray, ...values: unknown[]): NoInfer<T>;
}
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
