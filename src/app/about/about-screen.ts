/**
 * `<jpki-about-screen>`: what JPKI Lens is, what it promises about privacy, and how it works —
 * the promises here are the ones the code and the e2e tests hold it to (README "Privacy").
 */
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/panel';

const PROMISES = ['origin', 'pin', 'keys', 'sign', 'diagnostics', 'storage'] as const;
const HOW = ['webusb', 'offline', 'open'] as const;

@customElement('jpki-about-screen')
export class JpkiAboutScreen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .promises {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--space-3);
      }
      .promises li {
        margin: 0;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--space-3);
        align-items: start;
      }
      .check {
        display: inline-grid;
        place-items: center;
        width: 1.5rem;
        height: 1.5rem;
        margin-top: 0.15rem;
        border-radius: 50%;
        background: var(--color-success-bg);
        color: var(--color-success-text);
        border: 1px solid var(--color-success-border);
        font-weight: 700;
        font-size: 0.85rem;
      }
      .promises strong {
        display: block;
      }
    `,
  ];

  private readonly state = new AppStateController(this);

  override render() {
    void this.state.value.locale;
    return html`<div class="stack-l">
      <div>
        <h1>${t('app.about.heading')}</h1>
        <p class="lead">${t('app.about.lead')}</p>
      </div>
      <jpki-panel heading=${t('app.about.privacy.heading')}>
        <p>${t('app.about.privacy.intro')}</p>
        <ul class="promises">
          ${PROMISES.map(
            (p) => html`<li>
              <span class="check" aria-hidden="true">✓</span>
              <span><strong>${t(`app.about.privacy.${p}.title`)}</strong>${t(`app.about.privacy.${p}.body`)}</span>
            </li>`,
          )}
        </ul>
      </jpki-panel>
      <jpki-panel heading=${t('app.about.how.heading')}>
        <ul>
          ${HOW.map((h) => html`<li>${t(`app.about.how.${h}`)}</li>`)}
        </ul>
      </jpki-panel>
      <jpki-panel heading=${t('licence.about.heading')} data-testid="about-licence">
        <p>${t('licence.about.read')}</p>
        <p>${t('licence.about.unconfirmed')}</p>
      </jpki-panel>
      <jpki-panel heading=${t('app.about.limits.heading')} tone="sunken">
        <p>${t('app.about.limits.body')}</p>
      </jpki-panel>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-about-screen': JpkiAboutScreen;
  }
}
