/**
 * `<jpki-photo .bytes=${Uint8Array} label="顔写真">`: a JPEG 2000 photo from a card (JP2 or a raw
 * codestream), decoded by src/image and drawn on a canvas. Every screen that shows a card photo uses
 * this element, so the privacy rules live in one place:
 * - the decoder (a wasm chunk) is imported only when a photo is about to be drawn;
 * - nothing is stored: no blob URL, no cache, no log; the decoded pixels go straight onto the canvas
 *   and the RGBA buffer is dropped; the canvas is emptied (0×0) when the element leaves the page;
 * - a photo that cannot be decoded shows the named error (ja/en, code) in its place, so the rest of
 *   the screen still works.
 * `label` is the accessible name (and the visible caption unless `no-caption`). `data-state` on the
 * host is `empty | decoding | shown | error` and `data-code` the error code (for tests).
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getLocale, t } from '../../i18n';
import { LensError, isLensError } from '../../errors';
import { AppStateController } from '../state/app-state-controller';
import { baseStyles } from './styles';

type PhotoState = 'empty' | 'decoding' | 'shown' | 'error';

function errorText(e: LensError, locale = getLocale()): string {
  return t(`error.${e.code}`, e.params, locale);
}

@customElement('jpki-photo')
export class JpkiPhoto extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
        inline-size: var(--photo-width, 10rem);
        max-inline-size: 100%;
        vertical-align: top;
      }
      figure {
        margin: 0;
      }
      figcaption {
        margin-bottom: var(--space-1);
      }
      .frame {
        display: grid;
        place-items: center;
        inline-size: 100%;
        aspect-ratio: 3 / 4;
        background: var(--color-surface-sunken);
        border: 1px solid var(--color-border);
        border-radius: var(--radius-s);
        overflow: hidden;
      }
      canvas {
        display: block;
        inline-size: 100%;
        block-size: auto;
      }
      .frame.shown {
        aspect-ratio: auto;
        background: #fff;
      }
      .message {
        padding: var(--space-2);
        font-size: var(--font-size-s);
        text-align: center;
      }
      .failed {
        color: var(--color-danger-text);
        background: var(--color-danger-bg);
        align-self: stretch;
        justify-self: stretch;
        display: grid;
        align-content: center;
        gap: var(--space-1);
      }
      .code {
        font-family: var(--font-mono);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  /** The encoded photo. Never copied or kept beyond this property. */
  @property({ attribute: false }) bytes: Uint8Array | undefined;
  @property() label = '';
  @property({ type: Boolean, attribute: 'no-caption' }) noCaption = false;
  @state() private phase: PhotoState = 'empty';
  @state() private error: LensError | undefined;
  @query('canvas') private canvas!: HTMLCanvasElement | null;
  /** Bumped whenever the bytes change or the element leaves: a decode that finishes late is dropped. */
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved in the DOM): draw again, the canvas was emptied when it left.
    if (this.bytes && this.hasUpdated) void this.decode();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.clearCanvas();
    this.phase = 'empty';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bytes')) {
      this.generation++;
      this.error = undefined;
      this.phase = this.bytes ? 'decoding' : 'empty';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.setAttribute('data-state', this.phase);
    if (this.error) this.setAttribute('data-code', this.error.code);
    else this.removeAttribute('data-code');
    if (changed.has('bytes')) {
      this.clearCanvas();
      if (this.bytes) void this.decode();
    }
  }

  private clearCanvas(): void {
    const c = this.canvas;
    if (c) {
      c.width = 0; // releases the bitmap
      c.height = 0;
    }
  }

  private async decode(): Promise<void> {
    const bytes = this.bytes;
    if (!bytes) return;
    const mine = ++this.generation;
    this.phase = 'decoding';
    this.error = undefined;
    try {
      const { decodeJpeg2000 } = await import('../../image/jpeg2000');
      const image = await decodeJpeg2000(bytes);
      if (mine !== this.generation || !this.isConnected) return;
      this.phase = 'shown';
      await this.updateComplete; // the canvas exists once 'shown' is rendered
      const canvas = this.canvas;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || mine !== this.generation) return;
      canvas.width = image.width;
      canvas.height = image.height;
      ctx.putImageData(new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
      image.rgba.fill(0); // the only other copy of the pixels
    } catch (e) {
      if (mine !== this.generation) return;
      this.error = isLensError(e) ? e : new LensError('image-decoder-unavailable', {}, { cause: e });
      this.phase = 'error';
    }
  }

  override render() {
    void this.app.value.locale;
    const caption = this.label && !this.noCaption ? html`<figcaption class="small muted" aria-hidden="true">${this.label}</figcaption>` : nothing;
    let body;
    if (this.phase === 'shown') body = html`<canvas role="img" aria-label=${this.label || t('image.photo')}></canvas>`;
    else if (this.phase === 'error' && this.error)
      body = html`<div class="message failed" role="img" aria-label=${`${this.label || t('image.photo')}: ${t('image.failed')}`} data-testid="photo-error">
        <strong>${t('image.failed')}</strong>
        <span>${errorText(this.error)}</span>
        <span class="code">${this.error.code}</span>
      </div>`;
    else if (this.phase === 'decoding') body = html`<p class="message muted" role="status">${t('image.decoding')}</p>`;
    else body = nothing;
    return html`<figure>
      ${caption}
      <div class="frame ${this.phase === 'shown' ? 'shown' : ''}">${body}</div>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-photo': JpkiPhoto;
  }
}
