/**
 * A plain explanation of an ATR for the UI, as message keys and parameters (the texts live in
 * src/i18n/catalog/ccid/ under `atr.*`, in ja and en): `t(fact.key, fact.params)` renders one.
 */
import type { Atr } from './parse-atr';

export interface AtrFact {
  /** i18n key, e.g. `atr.fact.ifsc` */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface AtrSection {
  /** i18n key of the section title, e.g. `atr.section.t1` */
  readonly key: string;
  readonly facts: readonly AtrFact[];
}

export interface AtrDescription {
  readonly hex: string;
  readonly sections: readonly AtrSection[];
}

const h2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
const hexOf = (b: Uint8Array) => Array.from(b, h2).join(' ');
const yesNo = (v: boolean | undefined) => (v ? 'yes' : 'no');

function fact(key: string, params?: Record<string, string | number>): AtrFact {
  return params ? { key, params } : { key };
}

export function describeAtr(atr: Atr): AtrDescription {
  const sections: AtrSection[] = [];

  const summary: AtrFact[] = [fact(`atr.fact.convention.${atr.convention}`)];
  summary.push(fact('atr.fact.protocols', { list: atr.protocols.map((p) => `T=${p}`).join(', ') }));
  const sm = atr.global.specificMode;
  if (sm) summary.push(fact('atr.fact.specific-mode', { protocol: `T=${sm.protocol}` }));
  else summary.push(fact('atr.fact.negotiable-mode', { protocol: `T=${atr.defaultProtocol}` }));
  if (!atr.protocols.includes(1)) summary.push(fact('atr.fact.no-t1'));
  // PC/SC Part 3 readers make an ATR up for a contactless card; its interface bytes mean little.
  if (atr.historical.iso14443b || atr.historical.pcscStorageCard) summary.push(fact('atr.fact.contactless-synthesised'));
  sections.push({ key: 'atr.section.summary', facts: summary });

  const timing: AtrFact[] = [];
  const g = atr.global;
  if (g.fi !== undefined && g.di !== undefined && g.fmaxMHz !== undefined) {
    timing.push(fact(g.ta1Present ? 'atr.fact.rate' : 'atr.fact.rate-default', { ta1: h2(g.ta1), fi: g.fi, di: g.di, fmax: g.fmaxMHz, ratio: Math.round((g.fi / g.di) * 100) / 100 }));
  } else timing.push(fact('atr.fact.rate-rfu', { ta1: h2(g.ta1) }));
  if (sm) timing.push(fact(sm.implicitParameters ? 'atr.fact.specific-implicit' : 'atr.fact.specific-ta1'));
  timing.push(g.extraGuardTime === 255 ? fact('atr.fact.guard-time-minimum') : fact('atr.fact.guard-time', { n: g.extraGuardTime }));
  if (g.clockStop) timing.push(fact(`atr.fact.clock-stop.${g.clockStop}`));
  sections.push({ key: 'atr.section.timing', facts: timing });

  if (atr.t1) {
    const t1 = atr.t1;
    sections.push({
      key: 'atr.section.t1',
      facts: [
        fact(t1.ifscFromAtr ? 'atr.fact.ifsc' : 'atr.fact.ifsc-default', { ifsc: t1.ifsc }),
        fact('atr.fact.bwi-cwi', { bwi: t1.bwi, cwi: t1.cwi }),
        fact(`atr.fact.edc.${t1.edc}`),
      ],
    });
  }

  const hb = atr.historical;
  const hist: AtrFact[] = [];
  if (hb.format === 'none') hist.push(fact('atr.fact.historical-none'));
  else {
    if (hb.countryCode) hist.push(fact('atr.fact.country', { code: hb.countryCode }));
    if (hb.serviceData) hist.push(fact('atr.fact.service-data', { hex: h2(hb.serviceData.raw), mf: yesNo(hb.serviceData.hasMf) }));
    const cap = hb.capabilities;
    if (cap?.extendedLength !== undefined) {
      hist.push(fact(`atr.fact.extended-length.${yesNo(cap.extendedLength)}`));
      hist.push(fact(`atr.fact.command-chaining.${yesNo(cap.commandChaining)}`));
      if (cap.logicalChannels) hist.push(fact('atr.fact.logical-channels', { max: cap.logicalChannels.max }));
    } else if (cap) hist.push(fact('atr.fact.capabilities', { hex: hexOf(cap.raw) }));
    if (hb.status?.sw !== undefined) hist.push(fact('atr.fact.status-sw', { sw: hb.status.sw.toString(16).toUpperCase().padStart(4, '0') }));
    if (hb.pcscStorageCard) hist.push(fact('atr.fact.pcsc-storage', { standard: h2(hb.pcscStorageCard.standard), name: hb.pcscStorageCard.cardName.toString(16).toUpperCase().padStart(4, '0') }));
    if (hb.iso14443b) {
      const b = hb.iso14443b;
      hist.push(fact('atr.fact.type-b', { frame: b.maxFrameSize ?? '?', fwi: b.fwi, fwt: b.fwtMs, rates: b.bitRates.pcdToPicc.map((d) => 106 * d).join('/') }));
    }
    if (hb.format === 'proprietary' && !hb.iso14443b) {
      const ascii = Array.from(hb.raw).every((c) => c >= 0x20 && c < 0x7f);
      hist.push(ascii ? fact('atr.fact.historical-ascii', { text: String.fromCharCode(...hb.raw) }) : fact('atr.fact.historical-proprietary', { hex: hexOf(hb.raw) }));
    }
    if (hb.malformed) hist.push(fact('atr.fact.historical-malformed', { hex: hexOf(hb.raw) }));
  }
  sections.push({ key: 'atr.section.historical', facts: hist });

  if (atr.anomalies.length) sections.push({ key: 'atr.section.anomalies', facts: atr.anomalies.map((a) => fact(`atr.anomaly.${a}`)) });

  return { hex: hexOf(atr.raw), sections };
}
