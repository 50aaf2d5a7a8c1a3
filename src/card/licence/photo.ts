/**
 * DF2/EF01 写真: tag `5F 40` + length, the value a JPEG 2000 *codestream* starting `FF 4F` (SOC) —
 * jpki-card.md §9.1 (soft-studio `DriversLicenseReader.java`). Drawing it is src/image's job.
 */
import { LensError } from '../../errors';
import { parseSimpleTlvs } from './tlv';

export function decodePhoto(buf: Uint8Array): Uint8Array {
  const tlvs = parseSimpleTlvs(buf, 'photo');
  const t = tlvs.find((x) => x.tag === 0x5f40);
  if (!t || t.value.length === 0) throw new LensError('licence-field-missing', { field: 'photo' });
  if (t.value[0] !== 0xff || t.value[1] !== 0x4f) throw new LensError('licence-photo-not-jpeg2000');
  return t.value;
}
