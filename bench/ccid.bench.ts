/**
 * CCID/T=1 efficiency: read 2 KB with 256-byte READ BINARY (Le = 00) through the SCR3310-NTTCom
 * double (TPDU level, host-side T=1) with the virtual My Number card, and compare what went over
 * USB and over the card's line with the minimum for that exchange level.
 *
 * Minimum at TPDU level, per READ BINARY of 256 bytes (ISO/IEC 7816-3 §11, CCID §6.1.4):
 * - T=1 blocks: 1 I-block for the 5-byte command; the 258-byte answer needs n = ⌈258 / IFSD⌉
 *   I-blocks from the card, each but the last acknowledged by one R-block: 1 + n + (n − 1) = 2n.
 * - CCID messages: one XfrBlock and one DataBlock per block pair, 10-byte header each.
 * - USB transfers: one OUT per XfrBlock; IN: one transfer for a message that fits one packet, two
 *   (first packet, then exactly the rest) for longer ones — the least a host can do safely when the
 *   reader may send no zero-length packet (src/usb/pipes.ts). A libusb host that relies on short
 *   packets would use one IN transfer per message; both figures are printed.
 * - Link time: characters × CGT (TC1 = FF → 11 etu; else 12 + N etu) plus BGT (22 etu) per turn,
 *   etu = F / (D · f) at the negotiated Fi/Di and the descriptor's default clock.
 */
import { JpkiAp, type CertificateKind } from '../src/card/jpki';
import { openCcidReader, type CcidReader } from '../src/readers/ccid';
import { createVirtualMyNumberCard } from '../src/sim/card';
import { createVirtualReader } from '../src/sim/readers';
import { Transcript } from '../src/trace/transcript';
import { FI_TABLE, DI_TABLE } from '../src/readers/atr';

const hexToBytes = (s: string) => Uint8Array.from(s.split(/\s+/).filter(Boolean).map((x) => parseInt(x, 16)));
const TOTAL = 2048;
const CHUNK = 256;

export async function run(): Promise<void> {
  const card = createVirtualMyNumberCard();
  const device = createVirtualReader('scr3310-nttcom', card);
  const transcript = new Transcript(100_000);
  const reader = await openCcidReader(device, { transcript });
  await reader.powerOn();
  const session = reader.session!;
  const ifsd = Math.min(254, reader.descriptor.maxIfsd);
  const send = (h: string) => reader.transmit(hexToBytes(h));
  await send('00 a4 04 0c 0a d3 92 f0 00 26 01 00 00 00 01');

  // The two certificate EFs are 1536 bytes each: 6 reads of the first and 2 of the second make 2 KB.
  const plan: { select?: string; offset: number }[] = [];
  for (let off = 0; off < TOTAL; off += CHUNK) {
    const ef = off < 1536 ? '00 0a' : '00 0b';
    const offset = off < 1536 ? off : off - 1536;
    plan.push({ ...(offset === 0 ? { select: `00 a4 02 0c 02 ${ef}` } : {}), offset });
  }
  const stats = reader.transport.stats;
  const measured = { transfersIn: 0, transfersOut: 0, bytesIn: 0, bytesOut: 0, blocksOut: 0, blocksIn: 0, lineChars: 0, turns: 0, payload: 0 };
  const started = performance.now();
  for (const step of plan) {
    if (step.select) await send(step.select);
    const before = { ...stats };
    const mark = transcript.events().length;
    const r = await reader.transmit(Uint8Array.from([0x00, 0xb0, step.offset >> 8, step.offset & 0xff, 0x00]));
    if (r.length !== CHUNK + 2 || r[CHUNK] !== 0x90) throw new Error(`READ BINARY at ${step.offset}: ${r.length} bytes`);
    measured.payload += CHUNK;
    measured.transfersIn += stats.transfersIn - before.transfersIn;
    measured.transfersOut += stats.transfersOut - before.transfersOut;
    measured.bytesIn += stats.bytesIn - before.bytesIn;
    measured.bytesOut += stats.bytesOut - before.bytesOut;
    for (const e of transcript.events().slice(mark)) {
      if (e.layer !== 'ccid' || !e.hex || e.dir === 'note') continue;
      const type = e.hex.slice(0, 2);
      const blockLen = (e.length ?? 10) - 10;
      const isBlock = (e.dir === 'out' && type === '6f') || (e.dir === 'in' && type === '80');
      if (!isBlock) continue;
      if (e.dir === 'out') measured.blocksOut++;
      else measured.blocksIn++;
      measured.lineChars += blockLen;
      measured.turns++;
    }
  }
  const wallMs = performance.now() - started;

  // The minimum, from the formulas in the header.
  const reads = plan.length;
  const answer = CHUNK + 2;
  const n = Math.ceil(answer / ifsd);
  const minBlocks = reads * 2 * n;
  const cmdBlock = 3 + 5 + 1;
  const rBlock = 3 + 1;
  const inBlocks = Array.from({ length: n }, (_, i) => 3 + Math.min(ifsd, answer - i * ifsd) + 1);
  const minOutBytes = reads * (10 + cmdBlock + (n - 1) * (10 + rBlock));
  const minInBytes = reads * inBlocks.reduce((a, b) => a + b + 10, 0);
  const mps = reader.function.bulkIn.packetSize;
  const inTransfers = (len: number) => (len <= mps ? 1 : 2);
  const minTransfersSafe = reads * (n + inBlocks.reduce((a, b) => a + inTransfers(b + 10), 0));
  const minTransfersLibusb = reads * 2 * n;
  const minChars = reads * (cmdBlock + (n - 1) * rBlock + inBlocks.reduce((a, b) => a + b, 0));

  const f = FI_TABLE[session.plan.fiDi >> 4]?.fi ?? 372;
  const d = DI_TABLE[session.plan.fiDi & 0x0f] ?? 1;
  const clockHz = session.plan.clockKhz * 1000;
  const etuUs = (f / d / clockHz) * 1e6;
  const tc1 = session.parsedAtr.global.extraGuardTime;
  const cgt = tc1 === 255 ? 11 : 12 + tc1;
  const linkMs = (chars: number, turns: number) => ((chars * cgt + turns * 22) * etuUs) / 1000;
  const defaultEtuUs = (372 / clockHz) * 1e6;

  const row = (name: string, got: number, min: number, unit = '') => console.log(`${name.padEnd(34)} ${String(got).padStart(8)}${unit}  min ${String(min).padStart(8)}${unit}  ratio ${(got / min).toFixed(2)}`);
  console.log(`SCR3310-NTTCom double, TPDU level, T=1 IFSC ${session.parsedAtr.t1?.ifsc} IFSD ${ifsd}, ${reads} × READ BINARY ${CHUNK} = ${measured.payload} bytes`);
  row('T=1 blocks (both ways)', measured.blocksOut + measured.blocksIn, minBlocks);
  row('bytes on USB (CCID messages)', measured.bytesIn + measured.bytesOut, minOutBytes + minInBytes, ' B');
  row('USB transfers (safe, no-ZLP reading)', measured.transfersIn + measured.transfersOut, minTransfersSafe);
  row('USB transfers vs one-IN-per-message', measured.transfersIn + measured.transfersOut, minTransfersLibusb);
  row('characters on the card line', measured.lineChars, minChars);
  console.log(
    `link time at Fi/Di 0x${session.plan.fiDi.toString(16)} (F ${f}, D ${d}, ${session.plan.clockKhz} kHz, etu ${etuUs.toFixed(2)} µs, CGT ${cgt} etu): ` +
      `${linkMs(measured.lineChars, measured.turns).toFixed(1)} ms, floor ${linkMs(minChars, minBlocks).toFixed(1)} ms ` +
      `(ratio ${(linkMs(measured.lineChars, measured.turns) / linkMs(minChars, minBlocks)).toFixed(2)}); at the default 372/1 it would be ` +
      `${(((minChars * cgt + minBlocks * 22) * defaultEtuUs) / 1000).toFixed(1)} ms`,
  );
  console.log(`simulated wall time ${wallMs.toFixed(1)} ms (host code + double, no real USB latency)`);
  await reader.close();
  await fourCertificatesShortApduCard();
}

/** Counts the T=1 blocks (XfrBlock out, DataBlock in) recorded in a transcript since `mark`. */
function blocksSince(transcript: Transcript, mark: number): number {
  return transcript
    .events()
    .slice(mark)
    .filter((e) => e.layer === 'ccid' && e.hex && e.dir !== 'note' && ((e.dir === 'out' && e.hex.startsWith('6f')) || (e.dir === 'in' && e.hex.startsWith('80')))).length;
}

/**
 * Extra row: all four JPKI certificates through the same double with a card that takes short APDUs
 * only (ATR jpki-03: no extended-length flag). JpkiAp reads in chunks of the channel's
 * maxResponseData; the reader reports min(256, IFSD − 2) at TPDU level for such a card, so each
 * READ BINARY answer (data + SW) fits one I-block (ISO/IEC 7816-3 §11.4.2) instead of two I-blocks
 * and an R-block. Floor: 2 blocks per APDU (one I-block each way).
 */
async function fourCertificatesShortApduCard(): Promise<void> {
  const card = createVirtualMyNumberCard({ extendedLength: false, atr: 'jpki-03' });
  const transcript = new Transcript(100_000);
  const reader: CcidReader = await openCcidReader(createVirtualReader('scr3310-nttcom', card), { transcript });
  const atr = await reader.powerOn();
  let apdus = 0;
  const ap = new JpkiAp({
    atr,
    capabilities: reader.apduLimits,
    transmit: (apdu) => {
      apdus++;
      return reader.transmit(apdu);
    },
    close: () => reader.powerOff(),
  });
  const stats = reader.transport.stats;
  const before = { ...stats };
  const mark = transcript.events().length;
  await ap.verifyPin('sign', 'ABC123');
  let der = 0;
  const kinds: CertificateKind[] = ['auth', 'auth-ca', 'sign', 'sign-ca'];
  for (const k of kinds) der += (await ap.readCertificate(k)).length;
  const blocks = blocksSince(transcript, mark);
  const transfers = stats.transfersIn - before.transfersIn + stats.transfersOut - before.transfersOut;
  const usbBytes = stats.bytesIn - before.bytesIn + stats.bytesOut - before.bytesOut;
  console.log(
    `four certificates (${der} B DER) + sign VERIFY, short-APDU card (ATR jpki-03), chunk ${reader.apduLimits.maxResponseData} B: ` +
      `${apdus} APDUs, ${blocks} T=1 blocks (floor ${2 * apdus} = 2 per APDU, ratio ${(blocks / (2 * apdus)).toFixed(2)}), ` +
      `${transfers} USB transfers, ${usbBytes} B on USB`,
  );
  await reader.close();
}
