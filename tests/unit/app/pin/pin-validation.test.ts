/**
 * The PIN dialogs' local checks (no DOM: the exported validators), which run before anything is
 * sent and reuse the card layer's own rules.
 */
import { describe, expect, it } from 'vitest';
import { localPinError } from '../../../../src/app/pin/pin-dialog';
import { localChangeError } from '../../../../src/app/pin/pin-change-dialog';

const code = (e: { code: string } | undefined) => e?.code ?? 'ok';

describe('PIN dialog validation', () => {
  it('sign password: 6–16 of A–Z 0–9, lower case accepted (upper-cased), full-width normalised', () => {
    expect(code(localPinError('jpki-sign', 'abc123'))).toBe('ok');
    expect(code(localPinError('jpki-sign', 'ＡＢＣ１２３'))).toBe('ok');
    expect(code(localPinError('jpki-sign', 'AB12'))).toBe('pin-format-sign-password');
    expect(code(localPinError('jpki-sign', 'A'.repeat(17)))).toBe('pin-format-sign-password');
    expect(code(localPinError('jpki-sign', 'ABC-123'))).toBe('pin-format-sign-password');
  });

  it('4-digit PINs: exactly four digits', () => {
    expect(code(localPinError('kenhojo', '1234'))).toBe('ok');
    expect(code(localPinError('jpki-auth', '１２３４'))).toBe('ok');
    expect(code(localPinError('kenhojo', '123'))).toBe('pin-format-4-digits');
    expect(code(localPinError('kenhojo', '12a4'))).toBe('pin-format-4-digits');
  });

  it('change: current valid, new by the registration rules, both entries equal, not the same as before', () => {
    expect(code(localChangeError('jpki-sign', 'ABC123', 'HAYAKUKAETTEKOI4', 'hayakukaettekoi4'))).toBe('ok');
    expect(code(localChangeError('jpki-sign', 'AB', 'HAYAKUKAETTEKOI4', 'HAYAKUKAETTEKOI4'))).toBe('pin-format-sign-password');
    expect(code(localChangeError('jpki-sign', 'ABC123', 'HAYAKUKAETTEKOI', 'HAYAKUKAETTEKOI'))).toBe('pin-new-needs-letters-and-digits');
    expect(code(localChangeError('jpki-sign', 'ABC123', '123456', '123456'))).toBe('pin-new-needs-letters-and-digits');
    expect(code(localChangeError('jpki-sign', 'ABC123', 'HANABI2026', 'HANABI2025'))).toBe('pin-new-mismatch');
    expect(code(localChangeError('jpki-sign', 'ABC123', 'abc123', 'ABC123'))).toBe('pin-new-same');
    expect(code(localChangeError('kenhojo', '1234', '5678', '5678'))).toBe('ok');
    expect(code(localChangeError('kenhojo', '1234', '567', '567'))).toBe('pin-format-4-digits');
  });
});
