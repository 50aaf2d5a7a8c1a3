/**
 * `<jpki-reader-screen>` — first version by the foundation; the app-flows issue replaces it.
 *
 * It explains what the app does and which readers can work from a web page, and shows the two
 * actions that arrive with the reader drivers, disabled, with that reason written next to them.
 * It does no reading yet and pretends nothing.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../ui/badge';
import '../ui/notice';

/** Readers whose CCID or vendor interface is not in a WebUSB protected class (ccid-webusb.md §4). */
const WORKING = [
  { name: 'NTT Com SCR3310-NTTCom', key: 'scr3310', status: 'supported' },
  { name: 'NTT Com SCR331-DI-NTTCom', key: 'scr331di', status: 'supported' },
  { name: 'Sony RC-S380', key: 'rcs380', status: 'supported' },
  { name: 'Sony RC-S300', key: 'rcs300', status: 'experimental' },
] as const;

@customElement('jpki-reader-screen')
export class JpkiReaderScreen extends LitElement {
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

  private readonly state = new AppStateController(this);

  override render() {
    void this.state.value.locale;
    const hasWebUsb = 'usb' in navigator;
    return html`<div class="stack-l">
      <div>
        <h1>${t('app.reader.heading')}</h1>
        <p class="lead">${t('app.reader.lead')}</p>
      </div>

      ${hasWebUsb
        ? nothing
        : html`<jpki-notice tone="warning" heading=${t('app.reader.no-webusb.heading')}><p>${t('app.reader.no-webusb.body')}</p></jpki-notice>`}

      <jpki-panel heading=${t('app.reader.start.heading')}>
        <p>${t('app.reader.start.body')}</p>
        <div class="actions">
          <button class="btn primary" type="button" disabled aria-describedby="pending">${t('app.reader.connect')}</button>
          <button class="btn" type="button" disabled aria-describedby="pending">${t('app.reader.demo')}</button>
        </div>
        <p id="pending" class="muted small">${t('app.reader.pending')}</p>
      </jpki-panel>

      <jpki-panel heading=${t('app.reader.readers.heading')}>
        <p>${t('app.reader.readers.intro')}</p>
        <ul class="readers">
          ${WORKING.map(
            (r) => html`<li>
              <div class="reader-name">
                <span>${r.name}</span>
                <jpki-badge tone=${r.status === 'supported' ? 'success' : 'warning'}>${t(`app.reader.status.${r.status}`)}</jpki-badge>
              </div>
              <p class="reader-note">${t(`app.reader.readers.${r.key}`)}</p>
            </li>`,
          )}
        </ul>
      </jpki-panel>

      <jpki-panel heading=${t('app.reader.why.heading')} tone="sunken">
        <p>${t('app.reader.why.body')}</p>
        <p>${t('app.reader.why.drivers')}</p>
        <p>${t('app.reader.why.browsers')}</p>
      </jpki-panel>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-reader-screen': JpkiReaderScreen;
  }
}
