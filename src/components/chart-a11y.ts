/**
 * One accessible name and description per chart (WCAG 1.1.1, 4.1.2). Plot names the chart's <svg>
 * from its `ariaLabel` / `ariaDescription` options, but also puts an `aria-label` on every mark and
 * axis group ("rect", "x-axis tick"): not allowed on a <g> without a role (axe: aria-prohibited-attr)
 * and noise inside what is read as one image. This keeps the chart's own name and drops the rest,
 * also on groups Plot adds later (the pointer tip is redrawn on hover).
 */
const INNER_ARIA = ["aria-label", "aria-description"] as const;

function strip(root: Element): void {
  for (const attr of INNER_ARIA) {
    if (root.tagName.toLowerCase() === "g") root.removeAttribute(attr);
    root.querySelectorAll(`g[${attr}]`).forEach((el) => el.removeAttribute(attr));
  }
}

/** The chart (Plot's <svg>, or its <figure> when it has a legend) with one name, as an image. */
export function accessibleChart<T extends Element>(chart: T): T {
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg:last-of-type");
  if (!svg) return chart;
  svg.setAttribute("role", "img");
  strip(svg);
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n instanceof Element && strip(n));
  }).observe(svg, { childList: true, subtree: true });
  return chart;
}
