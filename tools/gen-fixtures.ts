/**
 * Generates the synthetic JPKI-TEST hierarchy and the virtual card's data (tests/fixtures/jpki-test/,
 * src/sim/card/fixtures.generated.ts). Usage: `npx tsx tools/gen-fixtures.ts [--fresh]`.
 *
 * Keys: WebCrypto cannot generate RSA keys from a seed, so the keys are generated once and committed
 * (test-only PKCS#8 files). A re-run reuses the committed keys, and since every date, serial and name is
 * fixed and PKCS#1 v1.5 signatures are deterministic, it reproduces every file byte for byte.
 * `--fresh` makes new keys (then every certificate, signature and the generated module change).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEOPLE, PERSON_IDS, type PersonId, type SyntheticPerson } from '../src/sim/card/people';
import { integrityRecord, integritySignedPart } from '../src/sim/card/kenhojo-files';
import { toBase64 } from '../src/sim/card/bytes';
import { parsePkcs8RsaKey } from '../src/sim/card/rsa';
import { cvCertificate, cvKeyId, sha256, signDigest } from './fixtures/cv-cert';
import { ageRecordSignedPart, myNumberImageSignedPart } from '../src/sim/card/kenkaku-files';
import { kenkakuSignature } from './fixtures/kenkaku';
import { personImages, photos, type PersonImages } from './fixtures/face-images';
import { modulusBytes } from '../src/sim/card/rsa';
import type { FaceImageSet } from '../src/sim/card/kenkaku-files';
import {
  authSubject,
  caExtensions,
  caName,
  endEntityExtensions,
  endEntityNotAfter,
  signSubject,
  type CaKind,
} from './fixtures/jpki-profile';
import { RSA_ALGORITHM, issueCertificate, issueCrl, type KeyMaterial } from './fixtures/x509';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests/fixtures/jpki-test');
const generatedModule = join(root, 'src/sim/card/fixtures.generated.ts');
const faceImagesModule = join(root, 'src/sim/card/face-images.generated.ts');
/** The host's copy of the synthetic CVC CA public key (src/card may not import src/sim). */
const testCaModule = join(root, 'src/card/cvc-test-ca.generated.ts');
const fresh = process.argv.includes('--fresh');

function write(rel: string, data: Uint8Array): void {
  const path = join(outDir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** A committed key when there is one (reproducible re-runs), else a new RSA-2048 key. */
async function key(rel: string): Promise<KeyMaterial> {
  const path = join(outDir, rel);
  let pkcs8: Uint8Array<ArrayBuffer>;
  if (!fresh && existsSync(path)) {
    pkcs8 = new Uint8Array(readFileSync(path));
  } else {
    const pair = await crypto.subtle.generateKey(RSA_ALGORITHM, true, ['sign', 'verify']);
    pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    write(rel, pkcs8);
  }
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, RSA_ALGORITHM, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const publicKey = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e }, RSA_ALGORITHM, true, ['verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  // SPKI of RSA-2048: `30 82 01 22 30 0D … 05 00 03 82 01 0F 00 <RSAPublicKey>`; the SKI is SHA-1 of the
  // BIT STRING value without its unused-bits byte (what the real roots carry, RFC 5280 §4.2.1.2 (1)).
  const keyId = new Uint8Array(await crypto.subtle.digest('SHA-1', spki.slice(24)));
  return { pair: { privateKey, publicKey }, pkcs8, keyId };
}

// Fixed dates and serials (reproducible). CA validity copies the 2023 generation of the real roots.
const CA = {
  auth: { serial: '7E57A1', notBefore: '2023-07-16T01:01:04Z', notAfter: '2033-07-15T14:59:59Z' },
  sign: { serial: '7E57B1', notBefore: '2023-07-16T00:50:27Z', notAfter: '2033-07-15T14:59:59Z' },
} as const;
const ISSUED = '2025-10-27T01:23:45Z';
/** Sign CN: 発行要求作成日時 (JST) + 5-digit sequence + 受付窓口識別記号 (the last part's real shape is UNCONFIRMED). */
const SIGN_CN_TIME = '20251027102345';
const WINDOW_ID = 'Z9TEST01';

interface PersonOut {
  authCert: Uint8Array;
  authKey: Uint8Array;
  signCert?: Uint8Array;
  signKey?: Uint8Array;
  kenhojoIntegrity: Uint8Array;
  kenkakuSignature: Uint8Array;
  kenkakuCorruptPhotoSignature: Uint8Array;
  kenkakuAgeSignature: Uint8Array;
  kenkakuNumberSignature: Uint8Array;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const caKeys: Record<CaKind, KeyMaterial> = { auth: await key('auth-ca.key.p8'), sign: await key('sign-ca.key.p8') };
  const caCerts = {} as Record<CaKind, Uint8Array>;
  for (const kind of ['auth', 'sign'] as const) {
    caCerts[kind] = await issueCertificate({
      serialHex: CA[kind].serial,
      issuer: caName(kind),
      subject: caName(kind),
      notBefore: CA[kind].notBefore,
      notAfter: CA[kind].notAfter,
      subjectKey: caKeys[kind].pair.publicKey,
      signingKey: caKeys[kind].pair.privateKey,
      extensions: caExtensions(kind, caKeys[kind].keyId),
    });
    write(`${kind}-ca.der`, caCerts[kind]);
  }

  // Chain-test CAs: same DN as the real test CAs, wrong in one way each.
  const expiredKey = await key('auth-ca-expired.key.p8');
  write(
    'auth-ca-expired.der',
    await issueCertificate({
      serialHex: '7E57A0',
      issuer: caName('auth'),
      subject: caName('auth'),
      notBefore: '2015-10-20T03:08:13Z',
      notAfter: '2025-10-19T14:59:59Z',
      subjectKey: expiredKey.pair.publicKey,
      signingKey: expiredKey.pair.privateKey,
      extensions: caExtensions('auth', expiredKey.keyId),
    }),
  );
  const impostorKey = await key('sign-ca-impostor.key.p8');
  write(
    'sign-ca-impostor.der',
    await issueCertificate({
      serialHex: '7E57B2',
      issuer: caName('sign'),
      subject: caName('sign'),
      notBefore: CA.sign.notBefore,
      notAfter: CA.sign.notAfter,
      subjectKey: impostorKey.pair.publicKey,
      signingKey: impostorKey.pair.privateKey,
      extensions: caExtensions('sign', impostorKey.keyId),
    }),
  );
  const tampered = caCerts.sign.slice();
  tampered[tampered.length - 1] ^= 0x01; // last byte of the signature value
  write('sign-ca-tampered.der', tampered);

  // 入力補助AP / 券面AP issuer keys (synthetic; real ones are J-LIS's) and their CV certificates.
  const cvCaKey = parsePkcs8RsaKey((await key('cv-ca.key.p8')).pkcs8);
  const kenhojoKeyMaterial = await key('kenhojo-ap.key.p8');
  const kenkakuKeyMaterial = await key('kenkaku-ap.key.p8');
  const kenhojoKey = parsePkcs8RsaKey(kenhojoKeyMaterial.pkcs8);
  const kenkakuKey = parsePkcs8RsaKey(kenkakuKeyMaterial.pkcs8);
  // 証明者鍵ID of the synthetic CA: 'TEST023'/'TEST033' where J-LIS ids have 7 ASCII digits, so it cannot
  // equal any J-LIS id (5000023, 6000033, 9200073 …); the rest keeps the real shape (08 05, 3 ASCII, 00 00 00, 1 byte).
  const kenhojoCaId = cvKeyId('TEST033', '001', 0);
  const kenkakuCaId = cvKeyId('TEST023', '001', 0);
  const kenhojoCv = await cvCertificate(kenhojoCaId, cvKeyId('TEST033', '101', 1), kenhojoKey, cvCaKey);
  const kenkakuCv = await cvCertificate(kenkakuCaId, cvKeyId('TEST023', '101', 1), kenkakuKey, cvCaKey);
  writeFileSync(testCaModule, testCaSource([kenkakuCaId, kenhojoCaId], modulusBytes(cvCaKey)));
  const photo = photos(root);
  console.log(`photo: ${photo.source}`);
  const imagesOf = {} as Record<PersonId, PersonImages>;
  write('kenhojo-ef0004.bin', kenhojoCv);
  write('kenkaku-ef0004.bin', kenkakuCv);

  const people = {} as Record<PersonId, PersonOut>;
  let seq = 0;
  for (const id of PERSON_IDS) {
    seq += 1;
    const person: SyntheticPerson = PEOPLE[id];
    const authKey = await key(`${id}/auth.key.p8`);
    const notAfter = endEntityNotAfter(person, ISSUED);
    const authCn = `T${String(seq).padStart(5, '0')}E9AGCIEG2510270${seq}A`;
    const authCert = await issueCertificate({
      serialHex: `7E57A1${String(seq).padStart(4, '0')}`,
      issuer: caName('auth'),
      subject: authSubject(authCn),
      notBefore: ISSUED,
      notAfter,
      subjectKey: authKey.pair.publicKey,
      signingKey: caKeys.auth.pair.privateKey,
      extensions: endEntityExtensions('auth', caKeys.auth.keyId, authKey.keyId, person),
    });
    write(`${id}/auth.der`, authCert);
    const out: PersonOut = { authCert, authKey: authKey.pkcs8, kenhojoIntegrity: new Uint8Array(), kenkakuSignature: new Uint8Array(), kenkakuCorruptPhotoSignature: new Uint8Array(), kenkakuAgeSignature: new Uint8Array(), kenkakuNumberSignature: new Uint8Array() };
    const pictures = personImages(root, id);
    imagesOf[id] = pictures;
    const faceImages: FaceImageSet = { name: pictures.name, address: pictures.address, photo: photo.photo, securityCode: pictures.securityCode, myNumber: pictures.myNumber };
    if (person.hasSignCertificate) {
      const signKey = await key(`${id}/sign.key.p8`);
      const signCert = await issueCertificate({
        serialHex: `7E57B1${String(seq).padStart(4, '0')}`,
        issuer: caName('sign'),
        subject: signSubject(person, `${SIGN_CN_TIME}${String(seq).padStart(5, '0')}${WINDOW_ID}`),
        notBefore: ISSUED,
        notAfter,
        subjectKey: signKey.pair.publicKey,
        signingKey: caKeys.sign.pair.privateKey,
        extensions: endEntityExtensions('sign', caKeys.sign.keyId, signKey.keyId, person),
      });
      write(`${id}/sign.der`, signCert);
      out.signCert = signCert;
      out.signKey = signKey.pkcs8;
    }
    const signedPart = await integritySignedPart(person);
    const integritySig = new Uint8Array(
      await crypto.subtle.sign('RSASSA-PKCS1-v1_5', kenhojoKeyMaterial.pair.privateKey, signedPart),
    );
    out.kenhojoIntegrity = integrityRecord(signedPart, integritySig);
    write(`${id}/kenhojo-ef0003.bin`, out.kenhojoIntegrity);
    out.kenkakuSignature = await kenkakuSignature(person, kenkakuKey, faceImages);
    out.kenkakuCorruptPhotoSignature = await kenkakuSignature(person, kenkakuKey, { ...faceImages, photo: photo.corrupt });
    // 券面AP EF 0001 / 0005 records: PKCS#1 v1.5 SHA-256 over the part before the signature TLV.
    out.kenkakuAgeSignature = signDigest(kenkakuKey, await sha256(ageRecordSignedPart(person, kenkakuKey)));
    out.kenkakuNumberSignature = signDigest(kenkakuKey, await sha256(myNumberImageSignedPart(kenkakuKey, faceImages.myNumber)));
    people[id] = out;
  }

  // The ordinary holder's previous auth certificate (same key, superseded) — revoked in the auth CRL.
  const ordinaryAuthKey = await key('ordinary/auth.key.p8');
  const revokedSerial = '7E57A10000';
  write(
    'ordinary/auth-revoked.der',
    await issueCertificate({
      serialHex: revokedSerial,
      issuer: caName('auth'),
      subject: authSubject('T00000E9AGCIEG25100100A'),
      notBefore: '2025-10-01T00:00:00Z',
      notAfter: endEntityNotAfter(PEOPLE.ordinary, '2025-10-01T00:00:00Z'),
      subjectKey: ordinaryAuthKey.pair.publicKey,
      signingKey: caKeys.auth.pair.privateKey,
      extensions: endEntityExtensions('auth', caKeys.auth.keyId, ordinaryAuthKey.keyId, PEOPLE.ordinary),
    }),
  );
  // CRLs: thisUpdate fixed, nextUpdate far ahead so the tests do not age.
  write(
    'auth-ca.crl',
    await issueCrl({
      issuer: caName('auth'),
      thisUpdate: '2025-11-01T00:00:00Z',
      nextUpdate: '2035-11-01T00:00:00Z',
      crlNumber: 2,
      issuerKeyId: caKeys.auth.keyId,
      revoked: [{ serialHex: revokedSerial, date: '2025-10-27T01:23:45Z', reason: 4 /* superseded */ }],
      signingKey: caKeys.auth.pair.privateKey,
    }),
  );
  write(
    'sign-ca.crl',
    await issueCrl({
      issuer: caName('sign'),
      thisUpdate: '2025-11-01T00:00:00Z',
      nextUpdate: '2035-11-01T00:00:00Z',
      crlNumber: 1,
      issuerKeyId: caKeys.sign.keyId,
      revoked: [],
      signingKey: caKeys.sign.pair.privateKey,
    }),
  );

  writeFileSync(generatedModule, generatedSource(caCerts, kenhojoCv, kenkakuCv, kenkakuKeyMaterial.pkcs8, people));
  writeFileSync(faceImagesModule, faceImagesSource(imagesOf, photo.photo, photo.corrupt, photo.source));
  console.log(`fixtures written to ${outDir} and ${generatedModule}`);
}

function generatedSource(
  ca: Record<CaKind, Uint8Array>,
  kenhojoCv: Uint8Array,
  kenkakuCv: Uint8Array,
  kenkakuKey: Uint8Array,
  people: Record<PersonId, PersonOut>,
): string {
  const b = (x: Uint8Array | undefined): string => (x ? `'${toBase64(x)}'` : 'undefined');
  const lines = [
    '// GENERATED by tools/gen-fixtures.ts — do not edit. Synthetic JPKI-TEST data, test-only keys.',
    '// Base64 DER certificates and PKCS#8 keys, so the browser (demo mode) needs no file I/O.',

    "import type { PersonId } from './people';",
    '',
    'export interface GeneratedPerson {',
    '  readonly authCert: string;',
    '  readonly authKey: string;',
    '  readonly signCert: string | undefined;',
    '  readonly signKey: string | undefined;',
    '  /** 入力補助AP EF 0003 (integrity record). */',
    '  readonly kenhojoIntegrity: string;',
    '  /** 券面AP EF 0002 DF28 signature. */',
    '  readonly kenkakuSignature: string;',
    '  /** DF28 of the corrupt-photo variant (signed over the damaged photo). */',
    '  readonly kenkakuCorruptPhotoSignature: string;',
    '  /** 券面AP EF 0001 DF13 and EF 0005 DF43 signatures. */',
    '  readonly kenkakuAgeSignature: string;',
    '  readonly kenkakuNumberSignature: string;',
    '}',
    '',
    `export const AUTH_CA_CERT = ${b(ca.auth)};`,
    `export const SIGN_CA_CERT = ${b(ca.sign)};`,
    `export const KENHOJO_CV_CERT = ${b(kenhojoCv)};`,
    `export const KENKAKU_CV_CERT = ${b(kenkakuCv)};`,
    '/** The 券面AP key certified by KENKAKU_CV_CERT (its public half goes into face data DF24). */',
    `export const KENKAKU_AP_KEY = ${b(kenkakuKey)};`,
    '',
    'export const GENERATED_PEOPLE: Readonly<Record<PersonId, GeneratedPerson>> = {',
  ];
  for (const id of PERSON_IDS) {
    const p = people[id];
    lines.push(
      `  '${id}': {`,
      `    authCert: ${b(p.authCert)},`,
      `    authKey: ${b(p.authKey)},`,
      `    signCert: ${b(p.signCert)},`,
      `    signKey: ${b(p.signKey)},`,
      `    kenhojoIntegrity: ${b(p.kenhojoIntegrity)},`,
      `    kenkakuSignature: ${b(p.kenkakuSignature)},`,
      `    kenkakuCorruptPhotoSignature: ${b(p.kenkakuCorruptPhotoSignature)},`,
      `    kenkakuAgeSignature: ${b(p.kenkakuAgeSignature)},`,
      `    kenkakuNumberSignature: ${b(p.kenkakuNumberSignature)},`,
      '  },',
    );
  }
  lines.push('};', '');
  return lines.join('\n');
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}

function testCaSource(ids: Uint8Array[], modulus: Uint8Array): string {
  return [
    '// GENERATED by tools/gen-fixtures.ts — do not edit. The public key of the SYNTHETIC CVC CA that signs the',
    '// virtual card\'s card-verifiable certificates (tests/fixtures/jpki-test/cv-ca.key.p8). Not J-LIS\'s: its',
    '// 証明者鍵ID starts with ASCII letters, which J-LIS ids (7 ASCII digits) never do. Trusted only with',
    '// `trustTestKeys` (cvc.ts), the switch that also trusts the JPKI-TEST roots.',
    "import type { CvcCaKey } from './cvc';",
    '',
    'export const SYNTHETIC_CVC_CA_KEYS: readonly CvcCaKey[] = [',
    ...ids.map(
      (id) =>
        `  { keyId: '${hex(id)}', name: '${String.fromCharCode(...id.subarray(0, 7))}', hierarchy: 'synthetic', role: 'synthetic fixture CA (tools/gen-fixtures.ts)', exponent: '010001', modulus: '${hex(modulus)}' },`,
    ),
    '];',
    '',
  ].join('\n');
}

function faceImagesSource(images: Record<PersonId, PersonImages>, photo: Uint8Array, corrupt: Uint8Array, source: string): string {
  const b = (x: Uint8Array): string => `'${toBase64(x)}'`;
  const lines = [
    '// GENERATED by tools/gen-fixtures.ts from tests/fixtures/images/ — do not edit. Synthetic card-face images:',
    '// 1-bit PNGs of the holders\' text (tools/gen-face-images.ts) and one greyscale JPEG 2000 photo',
    `// (${source}). tamperedName: one pixel byte changed (tools/fixtures/face-images.ts tamperPng).`,
    "import type { PersonId } from './people';",
    '',
    'export interface GeneratedFaceImages {',
    '  readonly name: string;',
    '  readonly tamperedName: string;',
    '  readonly address: string;',
    '  readonly securityCode: string;',
    '  readonly myNumber: string;',
    '}',
    '',
    `export const FACE_PHOTO = ${b(photo)};`,
    `export const FACE_PHOTO_CORRUPT = ${b(corrupt)};`,
    '',
    'export const FACE_IMAGES: Readonly<Record<PersonId, GeneratedFaceImages>> = {',
  ];
  for (const id of PERSON_IDS) {
    const p = images[id];
    lines.push(`  '${id}': {`, `    name: ${b(p.name)},`, `    tamperedName: ${b(p.tamperedName)},`, `    address: ${b(p.address)},`, `    securityCode: ${b(p.securityCode)},`, `    myNumber: ${b(p.myNumber)},`, '  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}

await main();
