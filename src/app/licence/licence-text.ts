/**
 * Licence text as it is on the card: JIS X 0208 text, 外字 drawn inline from the card's own glyph
 * bitmaps (an SVG path, no image data URL needed), 欠字 and unmapped codes marked so nobody mistakes
 * them for the character that should be there.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { t } from '../../i18n';
import type { Glyph, LicenceText } from '../../card/licence';

/** One SVG path of 1×1 squares, one per ink dot (rows merged into runs). */
export function glyphPath(g: Glyph): string {
  let d = '';
  for (let y = 0; y < g.size; y++) {
    let x = 0;
    while (x < g.size) {
      if (!g.dots[y * g.size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < g.size && g.dots[y * g.size + x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return d;
}

export function renderGlyph(g: Glyph | undefined, index: number): TemplateResult {
  const label = t('licence.text.gaiji', { index });
  if (!g) return html`<span class="gaiji missing-glyph" role="img" aria-label=${label} title=${label}>〓</span>`;
  return html`<svg class="gaiji" viewBox="0 0 ${g.size} ${g.size}" role="img" aria-label=${label} data-testid="gaiji">
    <title>${label}</title>
    ${svg`<path d=${glyphPath(g)} fill="currentColor"></path>`}
  </svg>`;
}

export function renderLicenceText(text: LicenceText | undefined, glyphs: readonly Glyph[]): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`${text.segments.map((s) => {
    switch (s.kind) {
      case 'text':
        return s.text;
      case 'gaiji':
        return renderGlyph(
          glyphs.find((g) => g.index === s.index),
          s.index,
        );
      case 'missing':
        return html`<span class="kesuji" title=${t('licence.text.missing')}>〓<span class="visually-hidden">${t('licence.text.missing')}</span></span>`;
      case 'unmapped':
        return html`<span class="kesuji" title=${t('licence.text.unmapped', { code: s.code })}>〓<span class="visually-hidden">${t('licence.text.unmapped', { code: s.code })}</span></span>`;
    }
  })}`;
}
