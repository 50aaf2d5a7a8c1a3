/**
 * Historical bytes of an ATR, decoded per ISO/IEC 7816-4:2013 §12.1.1 (category indicator,
 * compact-TLV data objects, status indicator), plus the two layouts PC/SC readers synthesise for
 * contactless cards (PC/SC Part 3 §3.1.3.2.3): a storage card's "80 4F 0C <RID> SS NN NN …" and an
 * ISO/IEC 14443-4 Type B card's ATQB-derived 8 bytes. Nothing here throws: bytes that do not fit a
 * layout are reported as such (`malformed`), because historical bytes are free for the issuer.
 */

/** One compact-TLV data object (tag = high nibble, length = low nibble). */
export interface CompactTlv {
  readonly tag: number;
  readonly value: Uint8Array;
}

/** ISO/IEC 7816-4:2013 Table 116 ("card capabilities", tag 7), all three software function tables. */
export interface CardCapabilities {
  readonly raw: Uint8Array;
  /** First table (byte 1): DF selection methods and EF addressing. */
  readonly dfSelection?: {
    readonly byFullName: boolean;
    readonly byPartialName: boolean;
    readonly byPath: boolean;
    readonly byFileId: boolean;
    readonly implicit: boolean;
    readonly shortEfId: boolean;
    readonly recordNumber: boolean;
    readonly recordId: boolean;
  };
  /** Second table (byte 2): data coding byte. */
  readonly dataCoding?: {
    readonly tlvEfs: boolean;
    /** b7–b6: 0 one-time write, 1 proprietary, 2 write OR, 3 write AND */
    readonly writeBehaviour: number;
    readonly ffTagValid: boolean;
    /** data unit size in bytes (2^(b4–b1) quartets / 2) */
    readonly dataUnitBytes: number;
  };
  /** Third table (byte 3). */
  readonly commandChaining?: boolean;
  readonly extendedLength?: boolean;
  readonly extendedLengthInfoInEfAtr?: boolean;
  readonly logicalChannels?: { readonly byCard: boolean; readonly byInterfaceDevice: boolean; readonly max: number };
}

/** ISO/IEC 7816-4:2013 Table 115 ("card service data", tag 3). */
export interface CardServiceData {
  readonly raw: number;
  readonly selectByFullDfName: boolean;
  readonly selectByPartialDfName: boolean;
  readonly dirInEfDir: boolean;
  readonly dirInEfAtr: boolean;
  /** b4–b2: how EF.DIR / EF.ATR are read */
  readonly efAccess: 'read-binary' | 'read-record' | 'get-data' | 'other';
  readonly hasMf: boolean;
}

export interface StatusIndicator {
  /** life cycle status byte */
  readonly lcs?: number;
  /** SW1-SW2 as a 16-bit number */
  readonly sw?: number;
}

/** PC/SC Part 3 storage card ("80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00"). */
export interface PcscStorageCard {
  readonly rid: Uint8Array;
  /** standard byte SS (e.g. 0x03 ISO/IEC 14443 A part 3, 0x11 FeliCa) */
  readonly standard: number;
  /** card name NN NN */
  readonly cardName: number;
}

/** ISO/IEC 14443-3 ATQB fields a PC/SC Part 3 reader copies into a Type B card's ATR. */
export interface Iso14443bInfo {
  readonly applicationData: Uint8Array;
  readonly protocolInfo: Uint8Array;
  /** bit rate capability byte: supported divisors both ways */
  readonly bitRates: { readonly sameBothWays: boolean; readonly piccToPcd: readonly number[]; readonly pcdToPicc: readonly number[] };
  /** FSCI → the card's maximum frame size in bytes (undefined when RFU) */
  readonly maxFrameSize?: number;
  readonly fsci: number;
  /** Protocol_Type bit 1: ISO/IEC 14443-4 compliant */
  readonly iso14443_4: boolean;
  readonly fwi: number;
  /** frame waiting time in ms: 256·16/fc·2^FWI, fc = 13.56 MHz */
  readonly fwtMs: number;
  readonly mbli: number;
}

export interface HistoricalBytes {
  readonly raw: Uint8Array;
  /** the category indicator byte (first byte), absent when there are no historical bytes */
  readonly category?: number;
  /** 'compact-tlv' (0x00 / 0x80), 'dir-reference' (0x10), 'proprietary' (anything else), 'none' */
  readonly format: 'none' | 'compact-tlv' | 'dir-reference' | 'proprietary';
  /** compact-TLV objects, when the layout parsed cleanly */
  readonly objects?: readonly CompactTlv[];
  /** the bytes did not fit the layout announced by the category indicator */
  readonly malformed?: boolean;
  readonly countryCode?: string;
  readonly issuerId?: Uint8Array;
  readonly serviceData?: CardServiceData;
  readonly capabilities?: CardCapabilities;
  readonly status?: StatusIndicator;
  readonly dirReference?: number;
  readonly pcscStorageCard?: PcscStorageCard;
  readonly iso14443b?: Iso14443bInfo;
}

const PCSC_RID = [0xa0, 0x00, 0x00, 0x03, 0x06];

function splitCompactTlv(b: Uint8Array): CompactTlv[] | undefined {
  const out: CompactTlv[] = [];
  for (let i = 0; i < b.length; ) {
    const tag = b[i] >> 4;
    const len = b[i] & 0x0f;
    if (i + 1 + len > b.length) return undefined;
    out.push({ tag, value: b.slice(i + 1, i + 1 + len) });
    i += 1 + len;
  }
  return out;
}

export function decodeCardServiceData(v: number): CardServiceData {
  const access = (v >> 1) & 0x07;
  return {
    raw: v,
    selectByFullDfName: (v & 0x80) !== 0,
    selectByPartialDfName: (v & 0x40) !== 0,
    dirInEfDir: (v & 0x20) !== 0,
    dirInEfAtr: (v & 0x10) !== 0,
    efAccess: access === 0b100 ? 'read-binary' : access === 0b000 ? 'read-record' : access === 0b010 ? 'get-data' : 'other',
    // b1 = 1 means "card without MF"
    hasMf: (v & 0x01) === 0,
  };
}

export function decodeCardCapabilities(v: Uint8Array): CardCapabilities {
  const [a, b, c] = v;
  const max3 = c === undefined ? 0 : c & 0x07;
  return {
    raw: v,
    ...(a === undefined
      ? {}
      : {
          dfSelection: {
            byFullName: (a & 0x80) !== 0,
            byPartialName: (a & 0x40) !== 0,
            byPath: (a & 0x20) !== 0,
            byFileId: (a & 0x10) !== 0,
            implicit: (a & 0x08) !== 0,
            shortEfId: (a & 0x04) !== 0,
            recordNumber: (a & 0x02) !== 0,
            recordId: (a & 0x01) !== 0,
          },
        }),
    ...(b === undefined
      ? {}
      : {
          dataCoding: {
            tlvEfs: (b & 0x80) !== 0,
            writeBehaviour: (b >> 5) & 0x03,
            ffTagValid: (b & 0x10) !== 0,
            // size in quartets = 2^(b4–b1); a byte is two quartets
            dataUnitBytes: 2 ** (b & 0x0f) / 2,
          },
        }),
    ...(c === undefined
      ? {}
      : {
          commandChaining: (c & 0x80) !== 0,
          extendedLength: (c & 0x40) !== 0,
          extendedLengthInfoInEfAtr: (c & 0x20) !== 0,
          // b3–b1 = 111 means "8 or more"; otherwise the value + 1
          logicalChannels: { byCard: (c & 0x10) !== 0, byInterfaceDevice: (c & 0x08) !== 0, max: max3 === 7 ? 8 : max3 + 1 },
        }),
  };
}

function decodeStatus(v: Uint8Array): StatusIndicator {
  if (v.length === 1) return { lcs: v[0] };
  if (v.length === 2) return { sw: (v[0] << 8) | v[1] };
  if (v.length === 3) return { lcs: v[0], sw: (v[1] << 8) | v[2] };
  return {};
}

/** Country code: the first three BCD quartets of tag 1 (ISO 3166-1 numeric). */
function decodeCountry(v: Uint8Array): string | undefined {
  if (v.length < 2) return undefined;
  const digits = [v[0] >> 4, v[0] & 0x0f, v[1] >> 4];
  return digits.every((d) => d <= 9) ? digits.join('') : undefined;
}

const FSCI_SIZES = [16, 24, 32, 40, 48, 64, 96, 128, 256, 512, 1024, 2048, 4096];

/** ISO/IEC 14443-3 ATQB protocol info, as PC/SC Part 3 puts it in historical bytes 5–7. */
export function decodeIso14443b(hist: Uint8Array): Iso14443bInfo {
  const p = hist.slice(4, 7);
  const rate = p[0];
  const divisors = (bits: number) => [2, 4, 8].filter((_, i) => (bits >> i) & 1);
  const fwi = p[2] >> 4;
  return {
    applicationData: hist.slice(0, 4),
    protocolInfo: p,
    bitRates: { sameBothWays: (rate & 0x80) !== 0, piccToPcd: [1, ...divisors(rate >> 4)], pcdToPicc: [1, ...divisors(rate)] },
    fsci: p[1] >> 4,
    maxFrameSize: FSCI_SIZES[p[1] >> 4],
    iso14443_4: (p[1] & 0x01) !== 0,
    fwi,
    fwtMs: Math.round(((256 * 16 * 2 ** fwi) / 13.56e6) * 1e6) / 1e3,
    mbli: hist[7] >> 4,
  };
}

/**
 * Decode historical bytes. `contactlessTypeBShape` says the interface bytes have the shape a PC/SC
 * Part 3 reader gives a Type B card (T0 = 0x88, TD1 = 0x80, TD2 = 0x01): those 8 bytes are ATQB
 * fields, not ISO 7816-4 objects, and are read as such when they do not parse as ISO 7816-4.
 */
export function decodeHistoricalBytes(raw: Uint8Array, contactlessTypeBShape = false): HistoricalBytes {
  if (raw.length === 0) return { raw, format: 'none' };
  const category = raw[0];
  const rest = raw.slice(1);

  // PC/SC Part 3 storage card: "4F" here is the application identifier presence indicator
  // followed by its length, not a compact-TLV header.
  if (category === 0x80 && rest[0] === 0x4f && rest[1] === 0x0c && rest.length >= 2 + 12 && PCSC_RID.every((x, i) => rest[2 + i] === x)) {
    return {
      raw,
      category,
      format: 'compact-tlv',
      pcscStorageCard: { rid: rest.slice(2, 7), standard: rest[7], cardName: (rest[8] << 8) | rest[9] },
    };
  }

  if (category === 0x10) {
    return rest.length === 1 ? { raw, category, format: 'dir-reference', dirReference: rest[0] } : { raw, category, format: 'dir-reference', malformed: true };
  }

  if (category === 0x00 || category === 0x80) {
    let tlvBytes: Uint8Array | undefined = rest;
    let status: StatusIndicator | undefined;
    if (category === 0x00) {
      // the status indicator is mandatory and sits in the last three bytes, without a tag
      if (rest.length >= 3) {
        tlvBytes = rest.slice(0, rest.length - 3);
        status = decodeStatus(rest.slice(rest.length - 3));
      } else tlvBytes = undefined;
    }
    const objects = tlvBytes ? splitCompactTlv(tlvBytes) : undefined;
    if (!objects) {
      if (contactlessTypeBShape && raw.length === 8) return { raw, category, format: 'proprietary', iso14443b: decodeIso14443b(raw) };
      return { raw, category, format: 'compact-tlv', malformed: true };
    }
    let countryCode: string | undefined;
    let issuerId: Uint8Array | undefined;
    let serviceData: CardServiceData | undefined;
    let capabilities: CardCapabilities | undefined;
    for (const o of objects) {
      if (o.tag === 0x1) countryCode = decodeCountry(o.value);
      else if (o.tag === 0x2) issuerId = o.value;
      else if (o.tag === 0x3 && o.value.length === 1) serviceData = decodeCardServiceData(o.value[0]);
      else if (o.tag === 0x7) capabilities = decodeCardCapabilities(o.value);
      else if (o.tag === 0x8 && category === 0x80) status = decodeStatus(o.value);
    }
    return {
      raw,
      category,
      format: 'compact-tlv',
      objects,
      ...(countryCode !== undefined ? { countryCode } : {}),
      ...(issuerId ? { issuerId } : {}),
      ...(serviceData ? { serviceData } : {}),
      ...(capabilities ? { capabilities } : {}),
      ...(status ? { status } : {}),
    };
  }

  if (contactlessTypeBShape && raw.length === 8) return { raw, category, format: 'proprietary', iso14443b: decodeIso14443b(raw) };
  return { raw, category, format: 'proprietary' };
}
