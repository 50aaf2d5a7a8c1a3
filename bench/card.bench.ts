// `npm run bench card`: APDUs and bytes to read all four JPKI certificates, JPKI Lens's strategy at
// short- and extended-APDU level versus the minimum and versus OpenSC's strategy (card-jpki.c
// jpki_select_file: a 4-byte header read `00 B0 00 00 04`, size = (b2<<8|b3)+4, then 256-byte
// chunks), all on the same virtual My Number card (src/sim, holder `ordinary`).
import { createVirtualMyNumberCard } from '../src/sim';
import type { CardChannel } from '../src/card/channel';
import { JpkiAp, type CertificateKind } from '../src/card/jpki';
import type { ReadPolicy } from '../src/card/read';
import { encodeCommand, parseResponse } from '../src/card/apdu';
import { AID, JPKI_EF } from '../src/card/aids';

const KINDS: readonly CertificateKind[] = ['auth', 'auth-ca', 'sign', 'sign-ca'];
const EF: Record<CertificateKind, number> = {
  auth: JPKI_EF.authCertificate,
  'auth-ca': JPKI_EF.authCaCertificate,
  sign: JPKI_EF.signCertificate,
  'sign-ca': JPKI_EF.signCaCertificate,
};

interface Tally {
  apdus: number;
  reads: number;
  /** response data bytes of READ BINARY (what the certificates cost on the wire, without SW) */
  readBytes: number;
  /** every byte both ways (commands + responses incl. SW) */
  wireBytes: number;
}

/** Wraps a channel and counts what crosses it. */
function counting(inner: CardChannel): CardChannel & { tally: Tally } {
  const tally: Tally = { apdus: 0, reads: 0, readBytes: 0, wireBytes: 0 };
  return {
    atr: inner.atr,
    capabilities: inner.capabilities,
    tally,
    close: () => inner.close(),
    async transmit(apdu: Uint8Array) {
      const r = await inner.transmit(apdu);
      tally.apdus++;
      tally.wireBytes += apdu.length + r.length;
      if (apdu[1] === 0xb0) {
        tally.reads++;
        tally.readBytes += r.length - 2;
      }
      return r;
    },
  };
}

async function jpkiLens(extendedLength: boolean, readPolicy?: ReadPolicy): Promise<{ tally: Tally; sizes: number[] }> {
  const ch = counting(createVirtualMyNumberCard({ extendedLength }));
  const ap = new JpkiAp(ch, { readPolicy });
  await ap.verifyPin('sign', 'ABC123');
  const sizes: number[] = [];
  for (const k of KINDS) sizes.push((await ap.readCertificate(k)).length);
  return { tally: ch.tally, sizes };
}

/** OpenSC's read path, re-enacted command by command (short APDUs only, as OpenSC sends). */
async function openscStrategy(): Promise<Tally> {
  const ch = counting(createVirtualMyNumberCard({ extendedLength: false }));
  const send = async (cla: number, ins: number, p1: number, p2: number, data?: Uint8Array, ne?: number) => {
    const r = parseResponse(await ch.transmit(encodeCommand({ cla, ins, p1, p2, data, ne })));
    if (r.sw !== 0x9000) throw new Error(`OpenSC strategy: SW ${r.sw.toString(16)}`);
    return r.data;
  };
  await send(0, 0xa4, 4, 0x0c, AID.jpki);
  // OpenSC's pin_cmd VERIFY for the sign password (SELECT 001B, VERIFY); it does not query the counter first.
  await send(0, 0xa4, 2, 0x0c, new Uint8Array([0x00, 0x1b]));
  await send(0, 0x20, 0, 0x80, new TextEncoder().encode('ABC123'));
  for (const k of KINDS) {
    await send(0, 0xa4, 2, 0x0c, new Uint8Array([0, EF[k]]));
    const head = await send(0, 0xb0, 0, 0, undefined, 4);
    const size = ((head[2] << 8) | head[3]) + 4;
    for (let off = 4; off < size; off += 256) await send(0, 0xb0, off >> 8, off & 0xff, undefined, Math.min(256, size - off));
  }
  return ch.tally;
}

export async function run(): Promise<void> {
  const short = await jpkiLens(false);
  const extended = await jpkiLens(true, 'exact');
  const wholeEf = await jpkiLens(true, 'whole-ef');
  const opensc = await openscStrategy();
  const sizes = short.sizes;
  const total = sizes.reduce((a, b) => a + b, 0);
  // Fixed part common to every strategy: SELECT AP, SELECT 001B + VERIFY, 4 × SELECT EF.
  const fixed = 1 + 2 + KINDS.length;
  const minShortReads = sizes.reduce((n, s) => n + Math.ceil(s / 256), 0);
  const minExtReads = KINDS.length;
  console.log('card: the virtual My Number card (src/sim, holder "ordinary"), not a scripted stand-in');
  console.log(`certificates: ${KINDS.map((k, i) => `${k} ${sizes[i]} B`).join(', ')} (total ${total} B DER; each EF 1900 B, 00 filler after the DER: EF 0002 as on a real card, the others a guess)`);
  const rows: [string, number, number, number, number | string][] = [
    ['minimum, short APDUs (ceil(len/256) reads each)', fixed + minShortReads, minShortReads, total, '-'],
    ['minimum, extended APDUs (1 read each)', fixed + minExtReads, minExtReads, total, '-'],
    ['JPKI Lens, short APDUs', short.tally.apdus, short.tally.reads, short.tally.readBytes, short.tally.wireBytes],
    ['JPKI Lens, extended APDUs (default: exact)', extended.tally.apdus, extended.tally.reads, extended.tally.readBytes, extended.tally.wireBytes],
    ['JPKI Lens, extended APDUs (whole-ef policy)', wholeEf.tally.apdus, wholeEf.tally.reads, wholeEf.tally.readBytes, wholeEf.tally.wireBytes],
    ['OpenSC strategy (4-byte header + 256-byte chunks)', opensc.apdus, opensc.reads, opensc.readBytes, opensc.wireBytes],
  ];
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  // A MODEL, not a measurement: contact T=1 after TA1=13 (Fi 372 / Di 4 at 3.5712 MHz = 38400 bit/s,
  // ~12 etu per byte with guard time → 3200 B/s) plus an assumed 5 ms per exchange (USB round trip
  // and card processing). It only shows how the counts trade against each other.
  const model = (apdus: number, bytes: number) => (apdus * 5 + (bytes / 3200) * 1000).toFixed(0);
  console.log(`${'strategy'.padEnd(52)}${pad('APDUs', 7)}${pad('READs', 7)}${pad('read bytes', 12)}${pad('wire bytes', 12)}${pad('model ms', 10)}`);
  for (const [name, apdus, reads, readBytes, wire] of rows) {
    const wireForModel = typeof wire === 'number' ? wire : readBytes + apdus * 7;
    console.log(`${name.padEnd(52)}${pad(apdus, 7)}${pad(reads, 7)}${pad(readBytes, 12)}${pad(wire, 12)}${pad(model(apdus, wireForModel), 10)}`);
  }
  console.log('model ms: 5 ms per APDU + wire bytes at 3200 B/s (contact T=1, TA1=13) — an assumption, not a timing.');
  console.log(
    'notes: JPKI Lens sends one more APDU than the minimum for the sign password (the empty VERIFY that reads the ' +
      'counter before presenting it: the last-try guard). "read bytes" = response data of READ BINARY. Extended, ' +
      'exact: a 256-byte first read (header) then exactly the rest in one extended read, 2 per EF. Whole-ef: one ' +
      'read per EF, but the card returns the EF filler too (the length is unknown before the first byte arrives); ' +
      `here that is ${wholeEf.tally.readBytes - total} extra bytes (${KINDS.length} EFs of 1900 B: the real EF 0002 is ` +
      '1900 B with 00 after the DER, tests/fixtures/real/jpki-ef0002-readbinary-sctools.txt; 0001/000A/000B are ' +
      'assumed the same size, unconfirmed).',
  );
  console.log(
    `vs OpenSC (short): ${opensc.reads - short.tally.reads} fewer READ BINARY (${KINDS.length} header reads saved); ` +
      `extended exact: ${opensc.reads - extended.tally.reads} fewer; whole-ef: ${opensc.reads - wholeEf.tally.reads} fewer.`,
  );
}
