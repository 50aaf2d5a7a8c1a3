/**
 * DF1/EF07 電子署名, 578 bytes: tag `B1` with an `82` 2-byte length (jpki-card.md §9.1), carrying the
 * signature and its シリアル番号, 発行者名, 主体者名 and 主体者鍵識別子 (TRET's field list). The tags of
 * the four companions are not in the sources: **UNCONFIRMED**. The decoder reads `B1`; when its value
 * is itself a TLV list it looks inside, otherwise `B1` is the signature and the TLVs after it are the
 * companions, taken in TRET's order (empty values skipped).
 *
 * What can be checked offline: the structure, and the signature's size. What cannot: the signature
 * itself — the verifying key (the 公安委員会's / NPA's) is not published, so the verdict is always
 * `not-verifiable-here`, never "valid".
 */
import { LensError } from '../../errors';
import { type SimpleTlv, parseSimpleTlvs } from './tlv';

export interface LicenceSignatureField {
  readonly tag: string;
  readonly length: number;
  /** Printable JIS X 0201/ASCII text when the value is that, else hex. */
  readonly text?: string;
  readonly hex: string;
}

export interface LicenceSignature {
  readonly signatureLength: number;
  /** Bits of an RSA modulus of the same size (256 → 2048), when the length is one. */
  readonly rsaBits?: number;
  readonly serial?: LicenceSignatureField;
  readonly issuer?: LicenceSignatureField;
  readonly subject?: LicenceSignatureField;
  readonly keyId?: LicenceSignatureField;
  /** Other TLVs as stored. */
  readonly other: readonly LicenceSignatureField[];
  readonly verdict: 'not-verifiable-here';
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function field(t: SimpleTlv): LicenceSignatureField {
  const printable = t.value.length > 0 && t.value.every((b) => b >= 0x20 && b <= 0x7e);
  return {
    tag: t.tag.toString(16).toUpperCase().padStart(2, '0'),
    length: t.value.length,
    ...(printable ? { text: String.fromCharCode(...t.value).trim() } : {}),
    hex: hex(t.value),
  };
}

function tryList(v: Uint8Array): SimpleTlv[] | undefined {
  try {
    const list = parseSimpleTlvs(v, 'signature');
    const used = list.reduce((n, t) => n + t.value.length, 0);
    return list.length >= 2 && used >= v.length / 2 ? list : undefined;
  } catch {
    return undefined;
  }
}

export function decodeSignature(buf: Uint8Array): LicenceSignature {
  const tlvs = parseSimpleTlvs(buf, 'signature');
  const b1 = tlvs.find((t) => t.tag === 0xb1);
  if (!b1) throw new LensError('licence-field-missing', { field: 'signature' });
  const inner = tryList(b1.value);
  let sig: SimpleTlv;
  let rest: SimpleTlv[];
  if (inner) {
    // The longest value inside is the signature; the others keep their order.
    sig = inner.reduce((a, b) => (b.value.length > a.value.length ? b : a));
    rest = inner.filter((t) => t !== sig);
  } else {
    sig = b1;
    rest = tlvs.filter((t) => t !== b1);
  }
  // An empty value carries nothing to name: it is kept under `other`, not given a companion's name.
  const named = rest.filter((t) => t.value.length > 0).map(field);
  const [serial, issuer, subject, keyId, ...more] = named;
  const other = [...more, ...rest.filter((t) => t.value.length === 0).map(field)];
  const bits = [128, 256, 384, 512].includes(sig.value.length) ? sig.value.length * 8 : undefined;
  return {
    signatureLength: sig.value.length,
    ...(bits ? { rsaBits: bits } : {}),
    ...(serial ? { serial } : {}),
    ...(issuer ? { issuer } : {}),
    ...(subject ? { subject } : {}),
    ...(keyId ? { keyId } : {}),
    other,
    verdict: 'not-verifiable-here',
  };
}
