/**
 * `<jpki-language-switch>`: 日本語 / English as a two-button toggle group. Each label is written in
 * its own language (and marked with `lang`), so a person who cannot read the current one still
 * finds theirs.
 */
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LOCALES, t, type Locale } from '../../i18n';
import { AppStateController } from '../state/app-state-controller';

const NAMES: Record<Locale, string> = { ja: '日本語', en: 'English' };

@customElement('jpki-language-switch')
export class JpkiLanguageSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }
    .group {
      display: inline-flex;
      border: 1px solid rgb(255 255 255 / 55%);
      border-radius: var(--radius-m);
      overflow: hidden;
    }
    button {
      font: inherit;
      font-size: var(--font-size-s);
      min-height: 36px;
      min-width: 4.5rem;
      padding: var(--space-1) var(--space-3);
      border: 0;
      background: transparent;
      color: var(--color-brand-contrast);
      cursor: pointer;
    }
    button + button {
      border-inline-start: 1px solid rgb(255 255 255 / 55%);
    }
    button[aria-pressed='true'] {
      background: var(--color-brand-contrast);
      color: var(--color-brand);
      font-weight: 700;
    }
    button:hover:not([aria-pressed='true']) {
      background: rgb(255 255 255 / 12%);
    }
    button:focus-visible {
      outline: 3px solid var(--color-focus);
      outline-offset: -3px;
    }
  `;

  private readonly state = new AppStateController(this);

  override render() {
    const current = this.state.value.locale;
    return html`<div class="group" role="group" aria-label=${t('app.language.label')}>
      ${LOCALES.map(
        (l) => html`<button type="button" lang=${l} aria-pressed=${l === current ? 'true' : 'false'} @click=${() => void this.state.state.setLocale(l)}>
          ${NAMES[l]}
        </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-language-switch': JpkiLanguageSwitch;
  }
}
