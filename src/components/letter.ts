/**
 * A draft letter (lib's letterFor) as an article for /breve: one per printed page, with the
 * synthetic-data marker on every letter when the data are synthetic.
 */
import { html } from "npm:htl";
import { SYNTHETIC_BANNER, type Letter, type LetterFigures } from "./_gen/tidlig.js";

function figuresTable(f: LetterFigures): HTMLElement {
  return html`<table class="letter-figures" data-criterion=${f.criterion}>
    <caption>
      ${f.title}
    </caption>
    <thead>
      <tr>
        <th scope="col">Måned</th>
        <th scope="col" class="num">Borgere</th>
        <th scope="col" class="num">Uden indsats</th>
        <th scope="col" class="num">Andel uden</th>
        <th scope="col">Vurdering</th>
      </tr>
    </thead>
    <tbody>
      ${f.rows.map(
        (r) =>
          html`<tr>
            <td>${r.label}</td>
            <td class="num">${r.population}</td>
            <td class="num">${r.without}</td>
            <td class="num">${r.share}</td>
            <td>${r.assessment}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function letterElement(letter: Letter, options: { synthetic: boolean; basis: string }): HTMLElement {
  const figures = new Map(letter.figures.map((f) => [f.criterion, f]));
  return html`<article
    class="letter"
    data-testid="letter"
    data-municipality=${letter.municipalityCode}
    aria-labelledby=${`letter-${letter.municipalityCode}`}
  >
    ${options.synthetic ? html`<p class="letter-marker" data-testid="letter-synthetic">${SYNTHETIC_BANNER}</p>` : ""}
    <p class="letter-head">Udkast · Fra: ${letter.sender} · Til: ${letter.recipient}</p>
    <h2 id=${`letter-${letter.municipalityCode}`}>${letter.subject}</h2>
    ${letter.paragraphs.map((p) => {
      const f = p.kind === "finding" && p.criterion ? figures.get(p.criterion) : undefined;
      return html`<p class=${`letter-${p.kind}`}>${p.text}</p>
        ${f ? figuresTable(f) : ""}`;
    })}
    <div class="letter-signature">${letter.signature.map((s) => html`<p>${s}</p>`)}</div>
    <p class="muted letter-basis">${options.basis}</p>
  </article>`;
}
