/**
 * `<jpki-dialog heading="…">`: a modal built on the native <dialog> (showModal gives focus trapping,
 * Escape and the inert background for free). Content in the default slot, buttons in
 * `slot="actions"`. `show()` opens it; `close(returnValue)` closes it and fires `jpki-dialog-close`
 * with `detail.returnValue` ('' when dismissed with Escape). A PIN dialog builds on this and must
 * clear its input itself when closed.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

export interface DialogCloseDetail {
  readonly returnValue: string;
}

@customElement('jpki-dialog')
export class JpkiDialog extends LitElement {
  static override styles = css`
    dialog {
      width: min(34rem, calc(100vw - 2 * var(--space-4)));
      max-height: calc(100vh - 2 * var(--space-5));
      padding: 0;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-l);
      background: var(--color-surface);
      color: var(--color-text);
      box-shadow: 0 18px 48px rgb(10 20 30 / 28%);
    }
    dialog::backdrop {
      background: rgb(12 22 34 / 55%);
    }
    .inner {
      padding: var(--space-5);
    }
    h2 {
      margin: 0 0 var(--space-3);
      font-size: var(--font-size-l);
      line-height: 1.35;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--space-3);
      margin-top: var(--space-5);
    }
  `;

  @property() heading = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(returnValue = ''): void {
    if (this.dialog?.open) this.dialog.close(returnValue);
  }

  override render() {
    return html`<dialog aria-labelledby="title" @close=${this.onClose}>
      <div class="inner">
        <h2 id="title">${this.heading}</h2>
        <slot></slot>
        <div class="actions"><slot name="actions"></slot></div>
      </div>
    </dialog>`;
  }

  private onClose(): void {
    const detail: DialogCloseDetail = { returnValue: this.dialog.returnValue };
    this.dialog.returnValue = '';
    this.dispatchEvent(new CustomEvent<DialogCloseDetail>('jpki-dialog-close', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-dialog': JpkiDialog;
  }
}
