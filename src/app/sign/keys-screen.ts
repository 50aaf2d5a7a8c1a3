/**
 * `<jpki-keys-screen>` (route `#/keys`): using the card's keys (issue 14). Sub-pages by the route's rest:
 * `#/keys` an overview, `#/keys/login` "can this card log me in?", `#/keys/sign` sign a file (.p7s),
 * `#/keys/verify` verify a signature, `#/keys/kit` the client-certificate kit for one's own server.
 * Leaving the route drops what the flow held (the chosen file, the .p7s with the sign certificate).
 */
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import { signFlow } from '../session/sign-flow';
import './login-proof';
import './sign-file';
import './verify-signature';
import './client-kit';

// This chunk's strings (kept out of the initial JS), registered before anything here renders.

const PAGES = ['login', 'sign', 'verify', 'kit'] as const;
type Page = (typeof PAGES)[number];

@customElement('jpki-keys-screen')
export class JpkiKeysScreen extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul.pages {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: var(--space-3);
      }
      ul.pages li {
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: var(--space-2);
        padding: var(--space-4);
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        background: var(--color-surface);
      }
      ul.pages h2 {
        font-size: var(--font-size-m);
        margin: 0;
      }
      ul.pages p {
        margin: 0;
      }
      ul.pages .btn {
        margin-top: auto;
        align-self: flex-start;
      }
      .back {
        display: inline-block;
        margin-bottom: var(--space-3);
      }
    `,
  ];

  private readonly app = new AppStateController(this);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    signFlow().clear();
  }

  override render() {
    void this.app.value.locale;
    const [sub] = this.app.value.rest;
    const page = PAGES.find((p) => p === sub);
    if (page) return html`<a class="back" href=${formatHash('keys')}>${t('sign.ui.back')}</a>${this.renderPage(page)}`;
    return html`<div class="stack-l">
      <div>
        <h1>${t('sign.ui.heading')}</h1>
        <p class="lead">${t('sign.ui.lead')}</p>
      </div>
      <ul class="pages">
        ${PAGES.map(
          (p) => html`<li>
            <h2>${t(`sign.ui.page.${p}.title`)}</h2>
            <p class="small muted">${t(`sign.ui.page.${p}.what`)}</p>
            <a class="btn" href=${formatHash('keys', p)} data-testid=${`open-${p}`}>${t('sign.ui.open')}</a>
          </li>`,
        )}
      </ul>
      <p class="small muted">${t('sign.ui.privacy')}</p>
    </div>`;
  }

  private renderPage(page: Page) {
    switch (page) {
      case 'login':
        return html`<jpki-login-proof></jpki-login-proof>`;
      case 'sign':
        return html`<jpki-sign-file></jpki-sign-file>`;
      case 'verify':
        return html`<jpki-verify-signature></jpki-verify-signature>`;
      case 'kit':
        return html`<jpki-client-kit></jpki-client-kit>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-keys-screen': JpkiKeysScreen;
  }
}
