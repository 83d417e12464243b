// The post-build repair of Framework's page template (scripts/postbuild-a11y.ts), on a page as
// Framework 1.13 writes it.
import { describe, expect, test } from "vitest";
import { fixFrameworkHtml } from "../scripts/postbuild-a11y.ts";

const PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Overblik</a></li>
  </ol>
  <ol>
    <li class="observablehq-link"><a href="./regler">Regler</a></li>
  </ol>
</nav>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
<h1>Regler</h1>
</main>
</div>
</body>
</html>
`;

describe("fixFrameworkHtml", () => {
  const fixed = fixFrameworkHtml(PAGE);

  test("allows zoom: maximum-scale is removed from the viewport", () => {
    expect(fixed).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(fixed).not.toContain("maximum-scale");
  });

  test("the sidebar's lists hold only <li>; the close label stays in the sidebar, after the first list", () => {
    const nav = fixed.slice(fixed.indexOf('<nav id="observablehq-sidebar">'), fixed.indexOf("</nav>"));
    for (const list of nav.match(/<ol>[\s\S]*?<\/ol>/g) ?? []) expect(list).not.toMatch(/<label/);
    expect(nav).toMatch(
      /<\/ol>\s*<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\s*<ol>/,
    );
  });

  test("the toggle gets a Danish name; a skip link opens the body and <main> can take focus", () => {
    expect(fixed).toContain('title="Vis eller skjul menuen" aria-label="Vis eller skjul menuen"');
    expect(fixed).not.toContain("Toggle sidebar");
    expect(fixed).toMatch(/<body>\n<a class="skip-link" href="#observablehq-main">Spring til indhold<\/a>\n<input/);
    expect(fixed).toContain('<main id="observablehq-main" class="observablehq" tabindex="-1">');
  });

  test("running it twice changes nothing more", () => {
    expect(fixFrameworkHtml(fixed)).toBe(fixed);
  });

  test("a page without the template's parts is left as it is", () => {
    const plain = "<!DOCTYPE html><html><head></head><p>404</p></html>";
    expect(fixFrameworkHtml(plain)).toBe(plain);
  });
});
