/**
 * `<jpki-other-card>`: what the reader screen says about a card that is neither a My Number card nor
 * an IC driver's licence — the old 住民基本台帳カード (its JPKI certificate service has ended) or a
 * card this app does not know, with its ATR (issue 11 item 1; recognised by SELECTs, not the ATR).
 */
import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { CardSessionController } from '../session/card-session-controller';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from '../ui/styles';
import '../ui/notice';

@customElement('jpki-other-card')
export class JpkiOtherCard extends LitElement {
  static override styles = [baseStyles];

  private readonly app = new AppStateController(this);
  private readonly session = new CardSessionController(this);

  override render() {
    void this.app.value.locale;
    const r = this.session.value.recognised;
    if (r?.kind === 'juki') {
      return html`<jpki-notice tone="warning" heading=${t('licence.juki.heading')} data-testid="juki-card">
        <p>${t('licence.juki.body')}</p>
      </jpki-notice>`;
    }
    if (r?.kind === 'unknown') {
      return html`<jpki-notice tone="warning" heading=${t('licence.unknown.heading')} data-testid="unknown-card">
        <p>${t('licence.unknown.body')}</p>
        <p>${t('licence.unknown.atr')} <code class="mono" data-testid="unknown-atr">${r.atr}</code></p>
      </jpki-notice>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-other-card': JpkiOtherCard;
  }
}
