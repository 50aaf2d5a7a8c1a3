/** DF1/EF07 of the virtual licence: layout and the synthetic signature (tests/fixtures/README.md). */
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVirtualDriversLicence, LICENCE_HOLDER_IDS, LICENCE_HOLDERS } from '../../../../src/sim';
import { fromBase64 } from '../../../../src/sim/card/bytes';
import { LICENCE_PHOTO } from '../../../../src/sim/licence/photo';
import { signedPart } from '../../../../src/sim/licence/signature';
import { LICENCE_SIGNER_SPKI } from '../../../../src/sim/licence/signatures.generated';
import { send, SELECT_DF1, selectEf, tlvs, verify1, x } from './helpers';

const publicKey = createPublicKey({ key: Buffer.from(fromBase64(LICENCE_SIGNER_SPKI)), format: 'der', type: 'spki' });

describe('virtual licence: 電子署名 (DF1/EF07)', () => {
  it('578 bytes after PIN1: B1 (82 01 00, 256 bytes), B2–B6', async () => {
    const card = createVirtualDriversLicence();
    await card.transmit(Uint8Array.from([0x00, 0xa4, 0x00, 0x00]));
    await send(card, verify1('1234'));
    await send(card, SELECT_DF1);
    await send(card, selectEf('00 07'));
    const [body, sw] = await send(card, '00 B0 00 00 00 02 42');
    expect(sw).toBe('90 00');
    expect(body.length).toBe(578);
    expect(x(body.slice(0, 4))).toBe('B1 82 01 00');
    const fields = tlvs(body);
    expect(fields.map((f) => f.tag)).toEqual([0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6]);
    expect(fields[5].value.length).toBe(20);
    expect(new TextDecoder().decode(fields[3].value)).toContain('SYNTHETIC');
  });

  it('every holder’s signature verifies with the synthetic signer over EF01 ‖ EF02 ‖ DF2/EF01 (re-run the generator when this fails)', async () => {
    for (const id of LICENCE_HOLDER_IDS) {
      const card = createVirtualDriversLicence({ holder: id, pinSet: true });
      await send(card, verify1('1234'));
      await send(card, SELECT_DF1);
      await send(card, selectEf('00 07'));
      const [body] = await send(card, '00 B0 00 00 00 02 42');
      const signature = tlvs(body)[0].value;
      expect(verify('sha256', signedPart(LICENCE_HOLDERS[id], LICENCE_PHOTO), publicKey, Buffer.from(signature)), id).toBe(true);
    }
  });
});
