/**
 * `<jpki-app>`: the frame every screen lives in — a skip link, the header (product name, the three
 * sections, the language switch), the routed screen in <main>, the app-wide notices (offline, a new
 * version is ready) and a footer with the privacy promise in one line.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { t } from '../../i18n';
import { AppStateController } from '../state/app-state-controller';
import { formatHash, type Route } from '../state/routes';
import { baseStyles } from '../ui/styles';
import { emblem } from './emblem';
import './language-switch';
// Every shared primitive is registered here, so any screen can use them without importing each one.
import '../ui';
import '../reader/reader-screen';
import '../library/library-screen';
import '../about/about-screen';
import { loadKeysScreen } from '../sign/load';

const NAV: readonly { route: Route; key: string }[] = [
  { route: 'reader', key: 'app.nav.reader' },
  { route: 'library', key: 'app.nav.library' },
  { route: 'keys', key: 'app.nav.keys' },
  { route: 'about', key: 'app.nav.about' },
];

@customElement('jpki-app')
export class JpkiApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: var(--space-3);
        top: -100px;
        z-index: 10;
        padding: var(--space-2) var(--space-4);
        background: var(--color-surface);
        color: var(--color-accent);
        border-radius: var(--radius-m);
      }
      .skip:focus {
        top: var(--space-3);
      }
      header {
        background: var(--color-brand);
        color: var(--color-brand-contrast);
      }
      .bar {
        max-width: var(--content-width);
        margin: 0 auto;
        padding: var(--space-3) var(--space-5);
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-3) var(--space-5);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: var(--space-3);
        color: inherit;
        text-decoration: none;
        margin-inline-end: auto;
      }
      .brand:hover {
        color: inherit;
      }
      .brand svg {
        flex: none;
      }
      .name {
        font-size: 1.25rem;
        font-weight: 700;
        letter-spacing: 0.02em;
        line-height: 1.2;
      }
      .tagline {
        display: block;
        font-size: 0.8rem;
        opacity: 0.85;
        font-weight: 400;
        letter-spacing: 0;
      }
      nav {
        border-top: 1px solid rgb(255 255 255 / 14%);
      }
      nav ul {
        max-width: var(--content-width);
        margin: 0 auto;
        padding: 0 var(--space-4);
        display: flex;
        gap: var(--space-1);
        list-style: none;
        overflow-x: auto;
      }
      nav li + li {
        margin-top: 0;
      }
      nav a {
        display: block;
        padding: var(--space-3) var(--space-3);
        color: var(--color-brand-contrast);
        text-decoration: none;
        border-bottom: 3px solid transparent;
        white-space: nowrap;
        opacity: 0.88;
      }
      nav a:hover {
        color: var(--color-brand-contrast);
        opacity: 1;
        border-bottom-color: rgb(255 255 255 / 40%);
      }
      nav a[aria-current='page'] {
        opacity: 1;
        font-weight: 700;
        border-bottom-color: #7fc4ff;
      }
      nav a:focus-visible {
        outline-offset: -3px;
      }
      .notices {
        max-width: var(--content-width);
        width: 100%;
        margin: var(--space-4) auto 0;
        padding: 0 var(--space-5);
        display: grid;
        gap: var(--space-3);
      }
      .notices:empty {
        display: none;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: var(--content-width);
        margin: 0 auto;
        padding: var(--space-6) var(--space-5) var(--space-7);
      }
      main:focus {
        outline: none;
      }
      footer {
        border-top: 1px solid var(--color-border);
        background: var(--color-surface);
      }
      footer p {
        max-width: var(--content-width);
        margin: 0 auto;
        padding: var(--space-4) var(--space-5);
        font-size: var(--font-size-s);
        color: var(--color-text-muted);
      }
      @media (max-width: 560px) {
        .bar {
          padding: var(--space-3) var(--space-4);
        }
        .tagline {
          display: none;
        }
        /* Three equal tabs that wrap their label instead of scrolling sideways. */
        nav ul {
          display: grid;
          grid-template-columns: repeat(3, 1fr);
          padding: 0 var(--space-2);
          overflow-x: visible;
        }
        nav a {
          height: 100%;
          display: flex;
          align-items: center;
          justify-content: center;
          text-align: center;
          white-space: normal;
          line-height: 1.35;
          font-size: var(--font-size-s);
          padding: var(--space-2) var(--space-1);
        }
        main {
          padding: var(--space-5) var(--space-4) var(--space-6);
        }
        .notices {
          padding: 0 var(--space-4);
        }
        footer p {
          padding: var(--space-4);
        }
      }
    `,
  ];

  private readonly state = new AppStateController(this);
  @query('main') private main!: HTMLElement;
  private lastLocation: string | undefined;

  override render() {
    const { route, online, update } = this.state.value;
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${t('app.skip')}</a>
      <header>
        <div class="bar">
          <a class="brand" href=${formatHash('reader')}>
            ${emblem}
            <span class="name">JPKI Lens<span class="tagline">${t('app.tagline')}</span></span>
          </a>
          <jpki-language-switch></jpki-language-switch>
        </div>
        <nav aria-label=${t('app.nav.label')}>
          <ul>
            ${NAV.map(
              (n) => html`<li><a href=${formatHash(n.route)} aria-current=${n.route === route ? 'page' : 'false'}>${t(n.key)}</a></li>`,
            )}
          </ul>
        </nav>
      </header>
      <div class="notices">${this.renderNotices(online, update)}</div>
      <main id="main" tabindex="-1">${this.renderScreen(route)}</main>
      <footer><p>${t('app.footer')}</p></footer>
    `;
  }

  private renderNotices(online: boolean, update: string) {
    return html`${update !== 'none'
      ? html`<jpki-notice tone="info" live heading=${t('app.update.heading')} data-testid="update-prompt">
          <p>${t('app.update.body')}</p>
          <button slot="actions" class="btn primary" type="button" ?disabled=${update === 'applying'} @click=${() => this.state.state.applyUpdate()}>
            ${t('app.update.reload')}
          </button>
        </jpki-notice>`
      : nothing}${!online
      ? html`<jpki-notice tone="warning" live heading=${t('app.offline.heading')} data-testid="offline-notice">
          <p>${t('app.offline.body')}</p>
        </jpki-notice>`
      : nothing}`;
  }

  private renderScreen(route: Route) {
    switch (route) {
      case 'library':
        return html`<jpki-library-screen></jpki-library-screen>`;
      case 'about':
        return html`<jpki-about-screen></jpki-about-screen>`;
      case 'keys':
        loadKeysScreen(); // a lazy chunk (src/app/sign); the element upgrades when it arrives
        return html`<jpki-keys-screen></jpki-keys-screen>`;
      case 'reader':
      default:
        return html`<jpki-reader-screen></jpki-reader-screen>`;
    }
  }

  protected override updated(): void {
    const { route, rest } = this.state.value;
    document.title = `${t(`app.title.${route}`)} — JPKI Lens`;
    document.documentElement.lang = this.state.value.locale;
    // After a navigation (not the first paint), including to a screen's sub-page, move focus to the
    // new content so keyboard and screen-reader users land on it instead of staying on the link.
    const where = [route, ...rest].join('/');
    // A new page opens at its top, with its heading in view, wherever the previous one was scrolled
    // to (the sign certificate page opened part-way down after the password: the overview had been
    // scrolled to its button; issue 13 item 9).
    if (this.lastLocation !== undefined && this.lastLocation !== where) {
      window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
      this.main.focus({ preventScroll: true });
    }
    this.lastLocation = where;
  }

  private skipToMain(e: Event): void {
    e.preventDefault();
    this.main.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-app': JpkiApp;
  }
}
