// Types for the `npm:` imports Framework resolves in the browser (self-hosted, see
// scripts/offline/fill-npm-cache.ts), so the site's TypeScript components type-check.
declare module "npm:d3" {
  export * from "d3";
}
declare module "npm:htl" {
  /** Hypertext literal: a tagged template that returns DOM nodes. */
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
