/**
 * `<jpki-save-certificate>`: the "save to library" dialog. Keeps the DER with the user's label and
 * note, the read time, the card kind and the certificate kind (src/store). For the sign certificate
 * the user must tick that it holds their name, address, birth date and sex; the store itself refuses
 * the save otherwise (store-sign-needs-acknowledgement), so nothing is written without the tick.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { isLensError } from '../../errors';
import { certificateStore, LABEL_MAX, NOTE_MAX, type CardKind, type SavedCertificate } from '../../store';
import type { JpkiDialog } from '../ui/dialog';
import { AppStateController } from '../state/app-state-controller';
import { acknowledgementStyles } from '../ui/form-styles';
import { baseStyles } from '../ui/styles';
import { storeKind, type ViewKind } from './kinds';

export interface SavedDetail {
  readonly entry: SavedCertificate;
}

@customElement('jpki-save-certificate')
export class JpkiSaveCertificate extends LitElement {
  static override styles = [
    baseStyles,
    acknowledgementStyles,
    css`
      :host {
        display: contents;
      }
      label.block {
        display: grid;
        gap: var(--space-1);
        margin-bottom: var(--space-4);
        font-weight: 600;
      }
      input[type='text'],
      textarea {
        font: inherit;
        font-weight: 400;
        padding: var(--space-2);
        min-height: 44px;
        border: 1px solid var(--color-border-strong);
        border-radius: var(--radius-m);
        background: var(--color-surface);
        color: var(--color-text);
        width: 100%;
      }
      textarea {
        min-height: 5rem;
        resize: vertical;
      }
      .ack {
        margin-bottom: var(--space-3);
      }
    `,
  ];

  private readonly appState = new AppStateController(this);
  @property({ attribute: false }) der: Uint8Array | undefined;
  @property() kind: ViewKind = 'unknown';
  @property() cardKind: CardKind = 'unknown';
  @property({ attribute: false }) readAt: Date = new Date();
  @property() defaultLabel = '';
  @state() private acknowledged = false;
  @state() private error: string | undefined;
  @state() private busy = false;
  @query('jpki-dialog') private dialog!: JpkiDialog;
  @query('#label') private labelInput!: HTMLInputElement;
  @query('#note') private noteInput!: HTMLTextAreaElement;

  async open(): Promise<void> {
    this.acknowledged = false;
    this.error = undefined;
    await this.updateComplete;
    this.labelInput.value = this.defaultLabel;
    this.noteInput.value = '';
    await this.dialog.show();
    this.labelInput.focus();
  }

  private async save(): Promise<void> {
    if (!this.der || this.busy) return;
    this.busy = true;
    try {
      const entry = await certificateStore().save(
        { der: this.der, label: this.labelInput.value, note: this.noteInput.value, readAt: this.readAt, cardKind: this.cardKind, certificateKind: storeKind(this.kind) },
        { acknowledgePersonalData: this.acknowledged },
      );
      this.error = undefined;
      this.dialog.close('saved');
      this.dispatchEvent(new CustomEvent<SavedDetail>('jpki-certificate-saved', { detail: { entry }, bubbles: true, composed: true }));
    } catch (e) {
      this.error = isLensError(e) ? e.code : 'store-unavailable';
    } finally {
      this.busy = false;
    }
  }

  override render() {
    void this.appState.value.locale;
    const sign = this.kind === 'sign';
    return html`<jpki-dialog heading=${t('app.cert.save.heading')}>
      <p>${t('app.cert.save.body')}</p>
      <label class="block" for="label">${t('app.cert.save.label')}
        <input id="label" type="text" maxlength=${LABEL_MAX} autocomplete="off" />
      </label>
      <label class="block" for="note">${t('app.cert.save.note')}
        <textarea id="note" maxlength=${NOTE_MAX}></textarea>
      </label>
      ${sign
        ? html`<label class="ack"><input type="checkbox" .checked=${this.acknowledged}
              @change=${(e: Event) => { this.acknowledged = (e.target as HTMLInputElement).checked; this.error = undefined; }} />
            <span>${t('app.cert.save.ack')}</span></label>`
        : nothing}
      ${this.error ? html`<jpki-notice tone="danger" live><p>${t(`error.${this.error}`)}</p></jpki-notice>` : nothing}
      <p class="small muted">${t('app.cert.save.where')}</p>
      <button slot="actions" class="btn" type="button" @click=${() => this.dialog.close('cancel')}>${t('app.cert.save.cancel')}</button>
      <button slot="actions" class="btn primary" type="button" ?disabled=${this.busy} @click=${this.save}>${t('app.cert.save.confirm')}</button>
    </jpki-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-save-certificate': JpkiSaveCertificate;
  }
}
