/**
 * Issue 13 item 9 (tried as a new user, in ja): a wrong 署名用パスワード was reported as
 * 「暗証番号が違います」 in the heavy 「うまくいきませんでした」 box. Typing mistakes now go to the field,
 * naming the PIN that was asked for, with the remaining count; real failures keep the box.
 */
import { describe, expect, it } from 'vitest';
import { LensError } from '../../../../src/errors';
import { fieldErrorText, isFieldError } from '../../../../src/app/pin/field-error';
import { errorText } from '../../../../src/app/reader/error-text';

describe('PIN typing mistakes are field errors', () => {
  it('a wrong entry with tries left, and the locally refused formats, are shown at the field', () => {
    expect(isFieldError(new LensError('pin-wrong', { pin: 'jpki-sign', remaining: 4 }))).toBe(true);
    expect(isFieldError(new LensError('pin-format-sign-password', { pin: 'jpki-sign' }))).toBe(true);
    expect(isFieldError(new LensError('pin-format-4-digits'))).toBe(true);
    expect(isFieldError(new LensError('pin-new-mismatch'))).toBe(true);
  });

  it('real failures stay in the error box: blocked, unknown outcome, a card gone, no count', () => {
    for (const e of [
      new LensError('pin-blocked', { pin: 'jpki-sign' }),
      new LensError('pin-wrong', { pin: 'jpki-sign', remaining: 0 }),
      new LensError('pin-wrong', { pin: 'jpki-sign' }),
      new LensError('t1-transmission-lost'),
      new LensError('card-removed', { name: 'x' }),
      new LensError('pin-last-try-not-acknowledged', { pin: 'jpki-sign', remaining: 1 }),
    ]) {
      expect(isFieldError(e), e.code).toBe(false);
    }
  });

  it('a wrong 署名用パスワード is called a パスワード, with the tries left (ja and en)', () => {
    const e = new LensError('pin-wrong', { pin: 'jpki-sign', remaining: 4 });
    expect(fieldErrorText('jpki-sign', e)).toMatch(/^署名用パスワードが違います。残り 4 回です。$|^Wrong signature password\. Tries left: 4\.$/);
    expect(errorText(e, 'ja')).toBe('署名用パスワードが違います。残り 4 回です。');
    expect(errorText(e, 'ja')).not.toContain('暗証番号');
    expect(errorText(e, 'en')).toBe('Wrong signature password. Tries left: 4.');
  });

  it('the 4-digit PINs name which PIN was wrong', () => {
    expect(errorText(new LensError('pin-wrong', { pin: 'jpki-auth', remaining: 2 }), 'ja')).toBe('利用者証明用の暗証番号が違います。残り 2 回です。');
    expect(errorText(new LensError('pin-wrong', { pin: 'kenhojo', remaining: 1 }), 'en')).toBe('Wrong card-info input support PIN. Tries left: 1.');
  });

  it('the blocked and last-try texts of the sign password say パスワード too; other PINs keep the general text', () => {
    expect(errorText(new LensError('pin-blocked', { pin: 'jpki-sign' }), 'ja')).toContain('署名用パスワード');
    expect(errorText(new LensError('pin-last-try-not-acknowledged', { pin: 'jpki-sign', remaining: 1 }), 'ja')).toContain('署名用パスワード');
    expect(errorText(new LensError('pin-blocked', { pin: 'common' }), 'ja')).toBe(errorText(new LensError('pin-blocked'), 'ja'));
  });
});
