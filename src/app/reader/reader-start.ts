/**
 * `<jpki-reader-start>`: the idle reader screen — connect a reader (Chrome's chooser filtered to the
 * readers a page can drive), "my reader isn't listed" (the chooser with every Smart Card class
 * device, so the app can say what the reader is and why it cannot be used), and the demo. Below,
 * the readers that work and why others do not (ccid-webusb.md §2: Chrome's protected classes).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import type { IdentifiedDevice } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';
import { pcscHint } from './pcsc-hint';

/** Readers whose CCID or vendor interface is not in a WebUSB protected class (ccid-webusb.md §4). */
const WORKING = [
  { name: 'NTT Com SCR3310-NTTCom', key: 'scr3310', status: 'supported' },
  { name: 'NTT Com SCR331-DI-NTTCom', key: 'scr331di', status: 'supported' },
  { name: 'Sony RC-S380', key: 'rcs380', status: 'supported' },
  { name: 'Sony RC-S300', key: 'rcs300', status: 'experimental' },
] as const;

@customElement('jpki-reader-start')
export class JpkiReaderStart extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .readers {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--space-3);
      }
      .readers li {
        margin: 0;
        padding: var(--space-3) var(--space-4);
        border: 1px solid var(--color-border);
        border-radius: var(--radius-m);
        background: var(--color-surface);
      }
      .reader-name {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--space-2) var(--space-3);
        font-weight: 700;
      }
      .reader-note {
        margin: var(--space-1) 0 0;
        color: var(--color-text-muted);
        font-size: var(--font-size-s);
      }
      .spaced {
        margin-top: var(--space-3);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        margin: var(--space-4) 0 var(--space-3);
      }
      @media (max-width: 560px) {
        .actions .btn {
          width: 100%;
        }
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);

  override render() {
    void this.app.value.locale;
    const session = this.session.session;
    const s = this.session.value;
    const busy = s.busy !== undefined;
    const usb = session.hasWebUsb;
    return html`<div class="stack-l">
      ${usb ? nothing : html`<jpki-notice tone="warning" heading=${t('app.reader.no-webusb.heading')}><p>${t('app.reader.no-webusb.body')}</p></jpki-notice>`}
      ${s.identified ? this.renderIdentified(s.identified) : nothing}

      <jpki-panel heading=${t('app.reader.start.heading')}>
        <p>${t('app.flows.start.body')}</p>
        <div class="actions">
          ${usb
            ? html`<button class="btn primary" type="button" ?disabled=${busy} @click=${() => void session.connect()} data-testid="connect">${t('app.reader.connect')}</button>`
            : nothing}
          <button class="btn" type="button" ?disabled=${busy} @click=${() => void session.startDemo()} data-testid="demo">${t('app.reader.demo')}</button>
          <button class="btn" type="button" ?disabled=${busy} @click=${() => void session.startDemo('licence')} data-testid="demo-licence">${t('licence.demo.button')}</button>
        </div>
        ${usb
          ? html`<p class="small">
              ${t('app.flows.start.unlisted.intro')}
              <button class="btn quiet" type="button" ?disabled=${busy} @click=${() => void session.identifyUnlisted()} data-testid="unlisted">
                ${t('app.flows.start.unlisted')}
              </button>
            </p>`
          : nothing}
        <p class="small muted">${t('app.flows.start.privacy')}</p>
      </jpki-panel>

      <jpki-panel heading=${t('app.reader.readers.heading')}>
        <p>${t('app.reader.readers.intro')}</p>
        <ul class="readers">
          ${WORKING.map(
            (r) => html`<li>
              <div class="reader-name">
                <span>${r.name}</span>
                <jpki-badge tone=${r.status === 'supported' ? 'success' : 'warning'}>${t(`app.flows.readers.status.${r.status}`)}</jpki-badge>
              </div>
              <p class="reader-note">${t(`app.reader.readers.${r.key}`)}</p>
            </li>`,
          )}
        </ul>
      </jpki-panel>

      <jpki-panel heading=${t('app.reader.why.heading')} tone="sunken">
        <p>${t('app.reader.why.body')}</p>
        ${pcscHint()}
        <p>${t('app.reader.why.drivers')}</p>
        <p>${t('app.reader.why.browsers')}</p>
      </jpki-panel>
    </div>`;
  }

  private renderIdentified(d: IdentifiedDevice) {
    const c = d.catalogue;
    const verdict = c?.verdict ?? 'unknown';
    return html`<jpki-panel heading=${t('app.flows.identified.heading')} data-testid="identified">
      <dl class="facts">
        <dt>${t('app.flows.check.usb')}</dt>
        <dd><span class="mono">${d.vidpid}</span></dd>
        <dt>${t('app.flows.identified.name')}</dt>
        <dd>${c?.name ?? (d.productName || '—')}</dd>
      </dl>
      ${verdict === 'protected' ? nothing : html`<p class="spaced">${t(`app.flows.identified.verdict.${verdict}`)}</p>`}
      <p class="spaced">${t('app.flows.identified.alternatives')}</p>
    </jpki-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-reader-start': JpkiReaderStart;
  }
}
