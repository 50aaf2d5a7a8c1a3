// `npm run bench sony`: reading all four JPKI certificates (auth, auth-ca, sign-ca, then sign after
// the 署名用パスワード) through each Sony double with the host driver, from powerOn to close:
//  - USB round trips (one per Port-100 command or CCID Escape) and transfers;
//  - RF frames and bytes, versus the minimum for the same APDUs at 256-byte frames
//    (each APDU: ⌈C/253⌉ + ⌈R/253⌉ I-blocks and one R(ACK) per chained part, no recovery);
//  - modeled time at 106, 212 and 424 kbit/s versus the link floor.
// Time model (src/sim/picc/rf-field.ts): Type B frames of 10-etu characters plus SOF/EOF and CRC_B,
// TR0+TR1 before each answer; the card's processing time is not modeled; USB costs one 1 ms
// full-speed frame per bulk transfer (USB 2.0 §5.3.3; an assumption, not a measurement). The link
// floor is the minimum frames' air time alone. The RC-S300 runs 106 kbit/s only (no known bit-rate
// object for its transparent session) and 128-byte frames (short pseudo-APDUs, driver header), so
// its frame count is above the 256-byte minimum by design.
//
// The second table is the rate fallback's cost (issue 13 item 7) on the RC-S380: the same read with
// the doubles' standing conditions "card silent above 106" and "CRC errors at 424", where the first
// exchange at 424 fails (the I-block and two R(NAK)s, ISO/IEC 14443-4 §7.5.4) and the card is
// activated a second time at 106 kbit/s; versus the user's forced 106 (one activation) and 424 with
// no fault. A time-out costs the whole FWT the reader waits (FWI from the ATQB + ΔFWT).
import { JpkiAp, type CertificateKind } from '../src/card/jpki';
import type { SonyContactlessReader } from '../src/readers/sony/contactless-reader';
import { openRcs300 } from '../src/readers/sony/rcs300/driver';
import { openRcs380 } from '../src/readers/sony/rcs380/driver';
import { createVirtualMyNumberCard, DEFAULT_PINS } from '../src/sim';
import { frameAirTimeUs, TURNAROUND_US } from '../src/sim/picc';
import type { RfCondition } from '../src/sim/picc';
import { Rcs300Double, Rcs380Double } from '../src/sim/sony';

type Rate = 106 | 212 | 424;
const INF = 253; // FSC/FSD 256 − PCB − CRC_B
const USB_TRANSFER_US = 1000;

interface Minimum {
  framesToCard: number;
  framesFromCard: number;
  bytesToCard: number;
  bytesFromCard: number;
  airUs: number;
}

/** The fewest ISO-DEP frames (and their air time) that carry these APDUs at 256-byte frames. */
function minimum(apdus: readonly { command: Uint8Array; response: Uint8Array }[], rate: Rate): Minimum {
  const m: Minimum = { framesToCard: 0, framesFromCard: 0, bytesToCard: 0, bytesFromCard: 0, airUs: 0 };
  const to = (bytes: number) => {
    m.framesToCard++;
    m.bytesToCard += bytes;
    m.airUs += frameAirTimeUs(bytes, rate);
  };
  const from = (bytes: number) => {
    m.framesFromCard++;
    m.bytesFromCard += bytes;
    m.airUs += TURNAROUND_US + frameAirTimeUs(bytes, rate);
  };
  for (const { command, response } of apdus) {
    const c = Math.max(1, Math.ceil(command.length / INF));
    const r = Math.max(1, Math.ceil(response.length / INF));
    for (let i = 0; i < c; i++) {
      to(1 + Math.min(INF, command.length - i * INF));
      if (i < c - 1) from(1); // R(ACK) for each chained command part
    }
    for (let i = 0; i < r; i++) {
      from(1 + Math.min(INF, response.length - i * INF));
      if (i < r - 1) to(1); // R(ACK) pulls each further response part
    }
  }
  return m;
}

async function readAll(reader: SonyContactlessReader): Promise<number> {
  await reader.powerOn();
  const jpki = new JpkiAp(reader.channel());
  let bytes = 0;
  for (const kind of ['auth', 'auth-ca', 'sign-ca'] satisfies CertificateKind[]) bytes += (await jpki.readCertificate(kind)).length;
  await jpki.verifyPin('sign', DEFAULT_PINS.sign);
  bytes += (await jpki.readCertificate('sign')).length;
  await reader.close();
  return bytes;
}

interface Row {
  reader: string;
  rate: Rate;
  certBytes: number;
  apdus: number;
  roundTrips: number;
  transfers: number;
  frames: string;
  rfBytes: string;
  modeledMs: number;
  airMs: number;
  floorMs: number;
}

async function measure(kind: 'rcs380' | 'rcs300', rate: Rate): Promise<Row> {
  const card = createVirtualMyNumberCard();
  const device = kind === 'rcs380' ? new Rcs380Double({ card }) : new Rcs300Double({ card });
  const reader = kind === 'rcs380' ? await openRcs380(device, { maxBitRate: rate }) : await openRcs300(device);
  const usbBefore = device.usbLog.length;
  const certBytes = await readAll(reader);
  const usb = device.usbLog.slice(usbBefore);
  const roundTrips = usb.filter((t) => t.dir === 'out').length;
  const transfers = usb.length;
  const s = device.field.stats;
  const executed = device.picc?.executed ?? [];
  const min = minimum(executed, rate);
  const air = s.airTimeUs;
  return {
    reader: kind === 'rcs380' ? 'RC-S380 (Port-100)' : 'RC-S300 (if 1, experimental)',
    rate,
    certBytes,
    apdus: executed.length,
    roundTrips,
    transfers,
    frames: `${s.framesToCard}+${s.framesFromCard} vs ${min.framesToCard}+${min.framesFromCard}`,
    rfBytes: `${s.bytesToCard}+${s.bytesFromCard} vs ${min.bytesToCard}+${min.bytesFromCard}`,
    modeledMs: (air + transfers * USB_TRANSFER_US) / 1000,
    airMs: air / 1000,
    floorMs: min.airUs / 1000,
  };
}

interface FallbackRow {
  scenario: string;
  activations: number;
  rate: string;
  frames: number;
  timeouts: number;
  crcErrors: number;
  roundTrips: number;
  modeledMs: number;
}

/** The RC-S380 read with `conditions` on the field and, optionally, the user's forced 106. */
async function measureFallback(scenario: string, conditions: RfCondition[], force106: boolean): Promise<FallbackRow> {
  const device = new Rcs380Double({ card: createVirtualMyNumberCard() });
  for (const c of conditions) device.field.conditions.add(c);
  const reader = await openRcs380(device, force106 ? { contactlessMaxRate: () => 106 } : {});
  const usbBefore = device.usbLog.length;
  await reader.powerOn();
  const jpki = new JpkiAp(reader.channel());
  for (const kind of ['auth', 'auth-ca', 'sign-ca'] satisfies CertificateKind[]) await jpki.readCertificate(kind);
  await jpki.verifyPin('sign', DEFAULT_PINS.sign);
  await jpki.readCertificate('sign');
  const r = reader.contactlessRate;
  const rate = r ? `${r.kbps} (${r.reason})` : '?';
  await reader.close();
  const usb = device.usbLog.slice(usbBefore);
  const s = device.field.stats;
  return {
    scenario,
    activations: device.field.log.filter((e) => e.toCard[0] === 0x05).length, // REQB/WUPB frames
    rate,
    frames: s.framesToCard + s.framesFromCard,
    timeouts: s.timeouts,
    crcErrors: s.crcErrors,
    roundTrips: usb.filter((t) => t.dir === 'out').length,
    modeledMs: (s.airTimeUs + usb.length * USB_TRANSFER_US) / 1000,
  };
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  for (const rate of [106, 212, 424] as const) rows.push(await measure('rcs380', rate));
  rows.push(await measure('rcs300', 106));
  console.log('Reading auth, auth-ca, sign-ca, VERIFY sign, sign through each Sony double (virtual card, person "ordinary").');
  console.log('RF frames/bytes: to card + from card, measured vs minimum for the same APDUs at 256-byte frames (activation included in measured).');
  console.table(
    rows.map((r) => ({
      reader: r.reader,
      'kbit/s': r.rate,
      'cert bytes': r.certBytes,
      APDUs: r.apdus,
      'USB round trips': r.roundTrips,
      'USB transfers': r.transfers,
      'RF frames': r.frames,
      'RF bytes': r.rfBytes,
      'air ms': r.airMs.toFixed(1),
      'modeled ms (air + USB)': r.modeledMs.toFixed(1),
      'link floor ms': r.floorMs.toFixed(1),
      'modeled / floor': (r.modeledMs / r.floorMs).toFixed(2),
    })),
  );

  const fallback = [
    await measureFallback('424, no fault', [], false),
    await measureFallback('forced 106 (user setting)', [], true),
    await measureFallback('card silent above 106 → fallback', ['silent-above-106'], false),
    await measureFallback('CRC errors at 424 → fallback', ['crc-errors-at-424'], false),
  ];
  const forced = fallback[1];
  console.log('\nRate fallback on the RC-S380 (same read): activations = REQB frames; cost = extra over forcing 106 from the start.');
  console.table(
    fallback.map((r) => ({
      scenario: r.scenario,
      activations: r.activations,
      'read at kbit/s (why)': r.rate,
      'RF frames': r.frames,
      'time-outs': r.timeouts,
      'CRC errors': r.crcErrors,
      'USB round trips': r.roundTrips,
      'modeled ms (air + USB)': r.modeledMs.toFixed(1),
      'cost vs forced 106': `${r.frames - forced.frames >= 0 ? '+' : ''}${r.frames - forced.frames} frames, ${r.roundTrips - forced.roundTrips >= 0 ? '+' : ''}${r.roundTrips - forced.roundTrips} round trips, ${(r.modeledMs - forced.modeledMs).toFixed(1)} ms`,
    })),
  );
}
