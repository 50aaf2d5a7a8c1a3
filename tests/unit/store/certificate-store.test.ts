import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { CertificateStore, fingerprint, isSingleDerSequence, parseBackup, BACKUP_FORMAT } from '../../../src/store';
import { isLensError } from '../../../src/errors';

const FIX = resolve(import.meta.dirname, '../../fixtures/jpki-test');
const der = (p: string) => new Uint8Array(readFileSync(resolve(FIX, p)));
const AUTH = der('ordinary/auth.der');
const SIGN = der('ordinary/sign.der');
const AUTH_CA = der('auth-ca.der');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let n = 0;
let store: CertificateStore;
beforeEach(() => {
  store = new CertificateStore(`jpki-lens-test-${++n}`); // a fresh database per test
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isLensError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('CertificateStore', () => {
  it('saves a certificate with its metadata, keyed by the SHA-256 of the DER', async () => {
    const saved = await store.save(
      { der: AUTH, label: '  my auth cert ', note: 'for the NAS', readAt: '2026-11-24T10:00:00+09:00', cardKind: 'my-number-card', certificateKind: 'auth' },
      {},
      new Date('2026-11-24T01:02:03Z'),
    );
    expect(saved).toEqual({
      id: sha256(AUTH),
      der: AUTH,
      label: 'my auth cert',
      note: 'for the NAS',
      readAt: '2026-11-24T01:00:00.000Z',
      savedAt: '2026-11-24T01:02:03.000Z',
      cardKind: 'my-number-card',
      certificateKind: 'auth',
    });
    const got = await store.get(saved.id);
    expect(got?.der).toEqual(AUTH);
    expect(await store.get('0'.repeat(64))).toBeUndefined();
  });

  it('keeps its own copy of the bytes', async () => {
    const bytes = Uint8Array.from(AUTH);
    const saved = await store.save({ der: bytes, label: '', readAt: new Date(), cardKind: 'unknown', certificateKind: 'auth' });
    bytes.fill(0);
    expect((await store.get(saved.id))?.der).toEqual(AUTH);
  });

  it('saving the same certificate again updates it and keeps the first save time', async () => {
    const first = await store.save({ der: AUTH, label: 'a', readAt: '2026-01-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'auth' }, {}, new Date('2026-01-01T00:00:00Z'));
    const second = await store.save({ der: AUTH, label: 'b', note: 'n', readAt: '2026-02-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'auth' }, {}, new Date('2026-02-01T00:00:00Z'));
    expect(second.id).toBe(first.id);
    expect(second.savedAt).toBe('2026-01-01T00:00:00.000Z');
    const all = await store.list();
    expect(all.map((c) => [c.label, c.note, c.readAt])).toEqual([['b', 'n', '2026-02-01T00:00:00.000Z']]);
  });

  it('refuses the sign certificate without the explicit acknowledgement of its personal data', async () => {
    const input = { der: SIGN, label: 'sign', readAt: new Date(), cardKind: 'my-number-card', certificateKind: 'sign' } as const;
    expect(await code(store.save(input))).toBe('store-sign-needs-acknowledgement');
    expect(await code(store.save(input, { acknowledgePersonalData: false }))).toBe('store-sign-needs-acknowledgement');
    expect(await store.list()).toEqual([]);
    const saved = await store.save(input, { acknowledgePersonalData: true });
    expect(saved.certificateKind).toBe('sign');
  });

  it('refuses what is not one DER certificate, and over-long text', async () => {
    const base = { label: '', readAt: new Date(), cardKind: 'file', certificateKind: 'imported' } as const;
    const pem = new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nMIIB...');
    expect(await code(store.save({ ...base, der: pem }))).toBe('store-not-a-certificate');
    expect(await code(store.save({ ...base, der: AUTH.subarray(0, AUTH.length - 1) }))).toBe('store-not-a-certificate');
    expect(await code(store.save({ ...base, der: Uint8Array.from([...AUTH, 0]) }))).toBe('store-not-a-certificate');
    expect(await code(store.save({ ...base, der: AUTH, label: 'x'.repeat(201) }))).toBe('store-text-too-long');
    expect(await code(store.save({ ...base, der: AUTH, readAt: 'yesterday' }))).toBe('store-bad-date');
  });

  it('lists newest read first, deletes one, deletes all', async () => {
    await store.save({ der: AUTH, label: 'auth', readAt: '2026-03-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'auth' });
    await store.save({ der: AUTH_CA, label: 'ca', readAt: '2026-04-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'auth-ca' });
    await store.save({ der: SIGN, label: 'sign', readAt: '2026-02-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'sign' }, { acknowledgePersonalData: true });
    expect((await store.list()).map((c) => c.label)).toEqual(['ca', 'auth', 'sign']);
    await store.delete(sha256(AUTH_CA));
    expect((await store.list()).map((c) => c.label)).toEqual(['auth', 'sign']);
    await store.deleteAll();
    expect(await store.list()).toEqual([]);
  });

  it('stores nothing but the listed fields (no keys, no PINs, no other card data)', async () => {
    await store.save({ der: AUTH, label: 'l', readAt: new Date(), cardKind: 'my-number-card', certificateKind: 'auth', ...{ pin: '1234', privateKey: 'x' } });
    const [entry] = await store.list();
    expect(Object.keys(entry).sort()).toEqual(['cardKind', 'certificateKind', 'der', 'id', 'label', 'note', 'readAt', 'savedAt']);
  });
});

describe('backup', () => {
  async function fill(s: CertificateStore) {
    await s.save({ der: AUTH, label: '利用者証明用', note: 'NAS の TLS', readAt: '2026-03-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'auth' }, {}, new Date('2026-03-01T00:00:01Z'));
    await s.save({ der: SIGN, label: 'sign', readAt: '2026-02-01T00:00:00Z', cardKind: 'my-number-card', certificateKind: 'sign' }, { acknowledgePersonalData: true }, new Date('2026-03-01T00:00:02Z'));
    await s.save({ der: AUTH_CA, label: 'CA', readAt: '2026-04-01T00:00:00Z', cardKind: 'file', certificateKind: 'imported' }, {}, new Date('2026-03-01T00:00:03Z'));
  }
  const at = new Date('2026-11-24T12:00:00Z');

  it('exports JSON that imports back byte-identical into an empty library', async () => {
    await fill(store);
    const text = await store.exportBackup(at);
    const data = JSON.parse(text) as { format: string; version: number; exportedAt: string; certificates: { id: string; der: string }[] };
    expect(data.format).toBe(BACKUP_FORMAT);
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe('2026-11-24T12:00:00.000Z');
    expect(data.certificates.map((c) => c.id)).toEqual([sha256(AUTH), sha256(SIGN), sha256(AUTH_CA)].sort());

    const other = new CertificateStore(`jpki-lens-test-${++n}`);
    expect(await other.importBackup(text)).toEqual({ added: 3, replaced: 0 });
    expect(await other.exportBackup(at)).toBe(text);
    expect((await other.get(sha256(SIGN)))?.der).toEqual(SIGN);
    expect(await other.list()).toEqual(await store.list());
  });

  it('importing into a library that has some of them replaces those', async () => {
    await fill(store);
    const text = await store.exportBackup(at);
    const other = new CertificateStore(`jpki-lens-test-${++n}`);
    await other.save({ der: AUTH, label: 'old label', readAt: '2020-01-01T00:00:00Z', cardKind: 'unknown', certificateKind: 'auth' });
    expect(await other.importBackup(text)).toEqual({ added: 2, replaced: 1 });
    expect((await other.get(sha256(AUTH)))?.label).toBe('利用者証明用');
  });

  it('rejects a damaged or foreign file and writes nothing', async () => {
    await fill(store);
    const good = JSON.parse(await store.exportBackup(at)) as { version: number; certificates: { id: string; der: string; cardKind: string }[] };
    const target = new CertificateStore(`jpki-lens-test-${++n}`);
    const cases: [string, string][] = [
      ['not json', 'store-backup-invalid'],
      [JSON.stringify({ format: 'something-else', version: 1, certificates: [] }), 'store-backup-invalid'],
      [JSON.stringify({ ...good, version: 2 }), 'store-backup-version'],
      [JSON.stringify({ ...good, certificates: good.certificates.map((c, i) => (i === 2 ? { ...c, id: c.id.replace(/^./, c.id[0] === 'a' ? 'b' : 'a') } : c)) }), 'store-backup-invalid'],
      [JSON.stringify({ ...good, certificates: good.certificates.map((c, i) => (i === 1 ? { ...c, der: c.der.slice(0, -8) } : c)) }), 'store-backup-invalid'],
      [JSON.stringify({ ...good, certificates: good.certificates.map((c, i) => (i === 0 ? { ...c, cardKind: 'passport' } : c)) }), 'store-backup-invalid'],
      [JSON.stringify({ ...good, certificates: good.certificates.map((c, i) => (i === 0 ? { ...c, der: '%%%' } : c)) }), 'store-backup-invalid'],
    ];
    for (const [text, expected] of cases) expect(await code(target.importBackup(text)), text.slice(0, 80)).toBe(expected);
    expect(await target.list()).toEqual([]);
  });

  it('parseBackup returns the entries with their DER', async () => {
    await fill(store);
    const entries = parseBackup(await store.exportBackup(at));
    expect(entries.find((e) => e.certificateKind === 'imported')?.der).toEqual(AUTH_CA);
  });
});

describe('helpers', () => {
  it('fingerprint is the SHA-256 of the DER in lower-case hex', async () => {
    expect(await fingerprint(AUTH)).toBe(sha256(AUTH));
  });

  it('isSingleDerSequence accepts exactly one definite-length SEQUENCE in its shortest form', () => {
    expect(isSingleDerSequence(AUTH)).toBe(true);
    expect(isSingleDerSequence(Uint8Array.from([0x30, 0x00]))).toBe(true);
    expect(isSingleDerSequence(Uint8Array.from([0x30, 0x01, 0x05]))).toBe(true);
    expect(isSingleDerSequence(Uint8Array.from([0x31, 0x00]))).toBe(false); // a SET
    expect(isSingleDerSequence(Uint8Array.from([0x30, 0x80, 0x00, 0x00]))).toBe(false); // indefinite (BER only)
    expect(isSingleDerSequence(Uint8Array.from([0x30, 0x81, 0x01, 0x05]))).toBe(false); // long form for a short length
    expect(isSingleDerSequence(Uint8Array.from([0x30, 0x82, 0x00, 0x81, ...new Array<number>(0x81).fill(0)]))).toBe(false); // leading zero
    expect(isSingleDerSequence(Uint8Array.from([0x30, 0x81, 0x81, ...new Array<number>(0x81).fill(0)]))).toBe(true);
    expect(isSingleDerSequence(new Uint8Array(0))).toBe(false);
  });
});
