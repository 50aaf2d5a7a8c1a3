/**
 * `<jpki-licence-screen>` (route `#/reader/licence`): the IC driver's licence after PIN1, laid out
 * like the physical card — the front (name, birth date, address, dates, number, the colour band,
 * conditions, the class grid, the authority; photo after PIN2) — then, made prominent, the three
 * things the official reader software leaves out (免許の条件, 免許の種類, each class's 取得年月日), then
 * the back (記載事項変更等), the other recorded fields, the electronic signature, and 本籍 + photo on
 * request (PIN2). Personal data throughout: masked until revealed, never saved, forgotten when the
 * screen is left (disconnectedCallback), when the card is removed or another card is read.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../../i18n';
import { FRONT_ORDER, type EntriesWithGlyphs, type Glyph, type LicenceClass, type LicenceText } from '../../card/licence';
import type { LicenceSnapshot } from '../session/licence-session';
import type { LensError } from '../../errors';
import { AppStateController } from '../state/app-state-controller';
import { formatHash } from '../state/routes';
import { baseStyles } from '../ui/styles';
import type { JpkiPinDialog } from '../pin/pin-dialog';
import { LicenceController } from './licence-controller';
import { LICENCE_DEMO_PINS } from './licence-demo';
import { dateText } from './licence-format';
import { renderLicenceText } from './licence-text';
import { licenceCardStyles } from './licence-card-styles';
import { triesText } from './licence-overview';
import './licence-extra';
import '../ui/panel';
import '../ui/notice';
import '../ui/photo';
import '../pin/pin-dialog';
import '../reader/error-notice';

type Part = 'licence' | 'domicile';

@customElement('jpki-licence-screen')
export class JpkiLicenceScreen extends LitElement {
  static override styles = [
    baseStyles,
    licenceCardStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: var(--space-3);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-3);
        align-items: center;
      }
      .prominent ol {
        font-size: var(--font-size-l);
        font-weight: 700;
      }
      table.classes {
        border-collapse: collapse;
        inline-size: 100%;
      }
      table.classes th,
      table.classes td {
        border-bottom: 1px solid var(--color-border);
        padding: var(--space-2);
        text-align: start;
        vertical-align: top;
      }
      table.classes tr.not-held td,
      table.classes tr.not-held th {
        color: var(--color-text-muted);
        font-weight: 400;
      }
      .masked {
        color: var(--color-text-muted);
      }
    `,
  ];

  private readonly app = new AppStateController(this);
  private readonly licence = new LicenceController(this);
  @state() private shown = new Set<Part>();
  @state() private pin2Error: LensError | undefined;
  @state() private pin2Ack = false;
  @query('jpki-pin-dialog') private dialog!: JpkiPinDialog;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the screen forgets everything read from the licence (it is never saved).
    this.shown = new Set();
    this.licence.model.clear();
  }

  private toggle(p: Part): void {
    const next = new Set(this.shown);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    this.shown = next;
  }

  override render() {
    void this.app.value.locale;
    const s = this.licence.value;
    const back = html`<a class="back" href=${formatHash('reader')}>← ${t('licence.screen.back')}</a>`;
    if (!s.entries) {
      return html`${back}
        <h1>${t('licence.screen.heading')}</h1>
        <jpki-notice tone="info" heading=${t('licence.screen.none.heading')} data-testid="licence-none"><p>${t('licence.screen.none.body')}</p></jpki-notice>`;
    }
    const e = s.entries;
    const show = this.shown.has('licence');
    return html`${back}
      <div class="stack-l">
        <div>
          <h1>${t('licence.screen.heading')}</h1>
          <p class="lead">${t('licence.screen.lead')}</p>
        </div>
        <jpki-notice tone="warning" heading=${t('licence.screen.care.heading')}><p>${t('licence.screen.care.body')}</p></jpki-notice>
        ${s.usedDpin ? html`<jpki-notice tone="info" data-testid="licence-dpin-used"><p>${t('licence.screen.dpin-used')}</p></jpki-notice>` : nothing}
        <div class="row">
          <button class="btn primary" type="button" aria-pressed=${show ? 'true' : 'false'} data-testid="licence-reveal" @click=${() => this.toggle('licence')}>
            ${show ? t('licence.screen.hide') : t('licence.screen.show')}
          </button>
          <button class="btn" type="button" data-testid="licence-forget" @click=${() => this.forget()}>${t('licence.screen.forget')}</button>
        </div>
        <section aria-labelledby="front-h">
          <h2 id="front-h">${t('licence.front.heading')}</h2>
          ${this.renderFront(e, s, show)}
        </section>
        ${this.renderProminent(e, show)} ${this.renderBack(s, show)}
        <jpki-licence-extra .entries=${e} .snapshot=${s} ?shown=${show}></jpki-licence-extra>
        ${this.renderPin2(s)}
      </div>`;
  }

  private v(text: LicenceText | undefined, glyphs: readonly Glyph[], show: boolean) {
    if (!show) return html`<span class="masked-value">${t('licence.masked')}</span>`;
    return text && text.segments.length ? renderLicenceText(text, glyphs) : t('licence.value.none');
  }

  private plain(value: string | undefined, show: boolean) {
    if (!show) return html`<span class="masked-value">${t('licence.masked')}</span>`;
    return value ?? t('licence.value.none');
  }

  private renderFront(e: EntriesWithGlyphs, s: LicenceSnapshot, show: boolean) {
    const glyphs = e.glyphs;
    const colour = e.colour?.kind ?? 'unrecognised';
    const byCode = new Map(e.classes.map((c) => [c.code, c]));
    const summary = e.classes.filter((c) => c.summary);
    return html`<div class="licence" data-testid="licence-front" data-shown=${show ? 'yes' : 'no'}>
      <div class="main">
        <div class="line"><span class="k">${t('licence.field.name')}</span><span class="v" data-testid="licence-name">${this.v(e.name, glyphs, show)}</span></div>
        <div class="line"><span class="k">${t('licence.field.birth')}</span><span class="v">${show ? dateText(e.birthDate) : this.plain(undefined, false)}</span></div>
        <div class="line"><span class="k">${t('licence.field.address')}</span><span class="v" data-testid="licence-address">${this.v(e.address, glyphs, show)}</span></div>
        <div class="line"><span class="k">${t('licence.field.issued')}</span><span class="v">${show ? dateText(e.issueDate) : this.plain(undefined, false)} · ${t('licence.field.reference')} ${this.plain(e.referenceNumber, show)}</span></div>
        <div class="band ${show ? colour : 'masked'}" data-testid="licence-band" data-colour=${show ? colour : 'masked'}>
          <span>${show ? t('licence.field.valid-until', { date: dateText(e.expiry) }) : t('licence.masked')}</span>
          <span>${show ? t(`licence.colour.${colour}`, { text: e.colour?.text.text ?? '' }) : nothing}</span>
        </div>
        <div class="conditions" data-testid="licence-front-conditions">
          <span class="k small">${t('licence.field.conditions')}</span>
          ${show
            ? e.conditionTexts.length
              ? html`<ol>${e.conditionTexts.map((c) => html`<li>${renderLicenceText(c, glyphs)}</li>`)}</ol>`
              : html`<p>${t('licence.conditions.none')}</p>`
            : html`<p class="masked-value">${t('licence.masked')}</p>`}
        </div>
        <div class="line"><span class="k">${t('licence.field.number')}</span><span class="v mono" data-testid="licence-number">${show && e.number ? t('licence.number.format', { number: e.number }) : this.plain(undefined, show)}</span></div>
      </div>
      <div class="photo">
        ${s.photo && show
          ? html`<jpki-photo .bytes=${s.photo} label=${t('licence.photo.label')} data-testid="licence-photo"></jpki-photo>`
          : html`<p class="small muted">${s.photo ? t('licence.photo.masked') : t('licence.photo.needs-pin2')}</p>`}
      </div>
      <div class="bottom">
        <div class="summary" data-testid="licence-summary-dates">
          ${summary.map((c) => html`<div><span>${c.name}</span><span>${show ? (c.since ? dateText(c.since) : '—') : t('licence.masked')}</span></div>`)}
        </div>
        <div>
          <span class="k small">${t('licence.field.classes')}</span>
          <ul class="classgrid" data-testid="licence-class-grid">
            ${FRONT_ORDER.map((code) => {
              const c = byCode.get(code);
              const held = show && c?.held === true;
              return html`<li class=${show ? (held ? 'held' : '') : 'masked'} data-class=${code} data-held=${held ? 'yes' : 'no'}>
                ${c?.name ?? code}<span class="visually-hidden">${show ? t(held ? 'licence.class.held' : 'licence.class.not-held') : t('licence.masked')}</span>
              </li>`;
            })}
          </ul>
        </div>
      </div>
      <div class="authority" data-testid="licence-authority">${this.v(e.authority, glyphs, show)}</div>
    </div>`;
  }

  /** The three things the official reader software does not show, made prominent. */
  private renderProminent(e: EntriesWithGlyphs, show: boolean) {
    const held = e.classes.filter((c) => !c.summary);
    const row = (c: LicenceClass) => html`<tr class=${c.held ? 'held' : 'not-held'} data-class=${c.code}>
      <th scope="row">${c.name}<span class="small muted"> ${t(`licence.class.full.${c.code}`)}</span></th>
      <td>${show ? t(c.held ? 'licence.class.held' : 'licence.class.not-held') : t('licence.masked')}</td>
      <td>${show && c.since ? dateText(c.since) : show ? '—' : t('licence.masked')}</td>
    </tr>`;
    return html`<jpki-panel heading=${t('licence.prominent.heading')} data-testid="licence-prominent" class="prominent">
      <p>${t('licence.prominent.lead')}</p>
      <h3>${t('licence.field.conditions')}</h3>
      ${show
        ? e.conditionTexts.length
          ? html`<ol data-testid="licence-conditions">${e.conditionTexts.map((c) => html`<li>${renderLicenceText(c, e.glyphs)}</li>`)}</ol>`
          : html`<p data-testid="licence-conditions">${t('licence.conditions.none')}</p>`
        : html`<p class="masked">${t('licence.masked')}</p>`}
      <h3>${t('licence.prominent.classes')}</h3>
      <table class="classes" data-testid="licence-classes">
        <thead>
          <tr>
            <th scope="col">${t('licence.class.col.class')}</th>
            <th scope="col">${t('licence.class.col.held')}</th>
            <th scope="col">${t('licence.class.col.since')}</th>
          </tr>
        </thead>
        <tbody>
          ${[...held].sort((a, b) => FRONT_ORDER.indexOf(a.code) - FRONT_ORDER.indexOf(b.code)).map(row)}
          ${e.classes.filter((c) => c.summary).map(row)}
        </tbody>
      </table>
      <p class="small muted">${t('licence.prominent.summary-note')}</p>
    </jpki-panel>`;
  }

  private renderBack(s: LicenceSnapshot, show: boolean) {
    const changes = s.changes?.changes ?? [];
    const glyphs = [...(s.entries?.glyphs ?? []), ...(s.changes?.glyphs ?? [])];
    return html`<jpki-panel heading=${t('licence.back.heading')} data-testid="licence-back">
      <p class="small muted">${t('licence.back.unconfirmed')}</p>
      ${s.changesError ? html`<jpki-error-notice .error=${s.changesError}></jpki-error-notice>` : nothing}
      ${!s.changes
        ? nothing
        : changes.length === 0
          ? html`<p>${t('licence.back.none')}</p>`
          : html`<ol class="stack">
              ${changes.map(
                (c) => html`<li data-testid="licence-change">
                  <strong>${show ? dateText(c.date) : t('licence.masked')}</strong>
                  — ${this.v(c.value, glyphs, show)}
                  ${c.authority ? html`(${this.v(c.authority, glyphs, show)})` : nothing}
                  <span class="small muted">${t('licence.back.tag', { tag: c.tag ?? '—' })}</span>
                </li>`,
              )}
            </ol>`}
    </jpki-panel>`;
  }

  private renderPin2(s: LicenceSnapshot) {
    const session = this.licence.session.value;
    const status = this.licence.model.pinStatusOf(2);
    const demo = session.reader?.demo === true;
    const show = this.shown.has('domicile');
    const got = s.domicile !== undefined || s.photo !== undefined || s.domicileError !== undefined || s.photoError !== undefined;
    const glyphs = [...(s.entries?.glyphs ?? []), ...(s.changes?.glyphs ?? [])];
    const r = session.recognised;
    const pinSet = r?.kind === 'licence' ? r.licence.pinSet : true;
    return html`<jpki-panel heading=${t('licence.pin2.heading')} data-testid="licence-pin2-panel">
        ${got
          ? html`<dl class="facts">
                <dt>${t('licence.field.domicile')}</dt>
                <dd data-testid="licence-domicile">${s.domicile ? this.v(s.domicile.domicile, glyphs, show) : s.domicileError ? html`<jpki-error-notice .error=${s.domicileError}></jpki-error-notice>` : '—'}</dd>
                ${s.domicile?.changes.length
                  ? s.domicile.changes.map((c) => html`<dt>${t('licence.field.domicile-change')}</dt><dd>${show ? dateText(c.date) : ''} ${this.v(c.value, glyphs, show)}</dd>`)
                  : nothing}
              </dl>
              ${s.photoError ? html`<jpki-error-notice .error=${s.photoError}></jpki-error-notice>` : nothing}
              <div class="row">
                <button class="btn" type="button" aria-pressed=${show ? 'true' : 'false'} data-testid="licence-reveal-domicile" @click=${() => this.toggle('domicile')}>
                  ${show ? t('licence.pin2.hide') : t('licence.pin2.show')}
                </button>
              </div>`
          : html`<p>${t('licence.pin2.body')}</p>
              <p class="small">${t('app.flows.pin.licence-pin2.name')}: ${triesText(status)}</p>
              ${this.pin2Error ? html`<jpki-error-notice .error=${this.pin2Error}></jpki-error-notice>` : nothing}
              <button class="btn primary" type="button" data-testid="licence-read-pin2" ?disabled=${session.busy !== undefined || status?.blocked === true} @click=${() => void this.askPin2(pinSet)}>
                ${t('licence.pin2.button')}
              </button>`}
      </jpki-panel>
      <jpki-pin-dialog
        pin="licence-pin2"
        .status=${status}
        purpose=${t('app.flows.pin.licence-pin2.purpose')}
        demoHint=${demo ? t('app.flows.demo.pin-hint', { pin: LICENCE_DEMO_PINS.pin2 }) : ''}
        .submit=${(value: string, ack: boolean) => this.licence.model.readWithPin2(value, ack)}
      ></jpki-pin-dialog>`;
  }

  /** PINs set: the dialog. None set: the DPIN for the user, the last-try guard still applying. */
  private async askPin2(pinSet: boolean): Promise<void> {
    if (pinSet) {
      await this.dialog.open();
      return;
    }
    const outcome = await this.licence.model.readWithPin2('', this.pin2Ack);
    this.pin2Ack = !outcome.ok && outcome.error.code === 'licence-pin-last-try-not-acknowledged';
    this.pin2Error = outcome.ok ? undefined : outcome.error;
  }

  private forget(): void {
    this.shown = new Set();
    this.licence.model.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jpki-licence-screen': JpkiLicenceScreen;
  }
}
