/**
 * `<jpki-reader-check .reader=${connected}>`: what the plugged-in reader is — its name, USB IDs,
 * family, card interface, exchange level and protocols — and a plain verdict on whether JPKI Lens
 * can read a My Number Card through it (ccid-webusb.md §4: exchange levels; the catalogue's verdict).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { ConnectedReader } from '../session/card-session';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/panel';
import '../ui/badge';
import { contactlessRateFacts } from './contactless-rate';

/** The verdict key: contact readers with an APDU or TPDU level and the Sony readers read the card. */
export function verdictOf(reader: ConnectedReader): 'good' | 'experimental' | 'limited' {
  if (reader.info.experimental) return 'experimental';
  if (reader.info.exchangeLevel === 'character') return 'limited';
  return 'good';
}

@customElement('jpki-reader-check')
export class JpkiReaderCheck extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .title {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2) var(--space-3);
        align-items: center;
        margin-bottom: var(--space-3);
      }
      .title strong {
        font-size: var(--font-size-m);
      }
      .verdict {
        margin-top: var(--space-4);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  @property({ attribute: false }) reader: ConnectedReader | undefined;

  override render() {
    void this.app.value.locale;
    const r = this.reader;
    if (!r) return nothing;
    const verdict = verdictOf(r);
    const level = r.info.exchangeLevel;
    const contactless = r.info.cardInterface === 'contactless';
    return html`<jpki-panel heading=${t('app.flows.check.heading')} data-testid="reader-check">
      <div class="title">
        <strong>${r.catalogue?.name ?? r.productName}</strong>
        ${r.demo ? html`<jpki-badge tone="demo">${t('app.flows.demo.badge')}</jpki-badge>` : nothing}
        <jpki-badge tone=${verdict === 'good' ? 'success' : 'warning'}>${t(`app.flows.check.verdict.${verdict}.badge`)}</jpki-badge>
      </div>
      <dl class="facts">
        <dt>${t('app.flows.check.usb')}</dt>
        <dd><span class="mono">${r.vidpid}</span> ${r.productName !== (r.catalogue?.name ?? r.productName) ? html`(${r.productName})` : nothing}</dd>
        <dt>${t('app.flows.check.family')}</dt>
        <dd>${t(`app.flows.check.family.${r.info.family}`)}</dd>
        <dt>${t('app.flows.check.interface')}</dt>
        <dd>${t(`app.flows.check.interface.${r.info.cardInterface}`)}</dd>
        ${level ? html`<dt>${t('app.flows.check.level')}</dt><dd>${t(`app.flows.check.level.${level}`)}</dd>` : nothing}
        <dt>${t('app.flows.check.protocols')}</dt>
        <dd>${r.info.protocols.join(', ') || '—'}</dd>
        ${contactless ? contactlessRateFacts(r) : nothing}
      </dl>
      <p class="verdict" data-testid="reader-verdict">${t(`app.flows.check.verdict.${verdict}`)}</p>
      ${contactless ? html`<jpki-contactless-rate .reader=${r}></jpki-contactless-rate>` : nothing}
    </jpki-panel>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-reader-check': JpkiReaderCheck;
  }
}
