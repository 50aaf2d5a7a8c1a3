/**
 * Local validation of PIN values before anything is sent: a malformed value sent to the card costs
 * a try (jpki-card.md §10 pitfall 5), so every rule the card would apply is applied here first.
 * Values are normalised with NFKC so that full-width digits and letters typed through a Japanese
 * IME (`１２３４`, `ＡＢＣ`) become the ASCII the card compares; the 署名用パスワード is upper-cased
 * because the card stores only upper case and the J-LIS client converts (jpki-card.md §3.2; myna
 * `utils.rs validate_jpki_sign_password`).
 */
import { LensError } from '../errors';
import { type Bytes, fromAscii } from './bytes';

export type PinFormat = 'digits-4' | 'sign-password' | 'digits-12' | 'digits-14';

function normalise(value: string): string {
  return value.normalize('NFKC');
}

/** Validate a value to present; returns the ASCII bytes the card expects. Throws `pin-format-*`. */
export function pinBytes(format: PinFormat, value: string): Bytes {
  const v = normalise(value);
  switch (format) {
    case 'digits-4':
      // 利用者証明用PIN, 券面事項入力補助用, 住民基本台帳用: exactly 4 digits (OpenSC pkcs15-jpki.c min/max 4/4).
      if (!/^[0-9]{4}$/.test(v)) throw new LensError('pin-format-4-digits');
      return fromAscii(v);
    case 'digits-12':
      // 照合番号A: the 12-digit 個人番号 (jpki-card.md §5.1).
      if (!/^[0-9]{12}$/.test(v)) throw new LensError('pin-format-12-digits');
      return fromAscii(v);
    case 'digits-14':
      // 照合番号B: era YYMMDD of birth + expiry year + security code (jpki-card.md §5.1; composed by
      // kenmen-key-b.ts, which reports the bad field — this is the last check before the card).
      if (!/^[0-9]{14}$/.test(v)) throw new LensError('pin-format-14-digits');
      return fromAscii(v);
    case 'sign-password': {
      // 署名用パスワード: 6–16 of A–Z 0–9 (OpenSC min/max 6/16; jpki.go.jp).
      const up = v.toUpperCase();
      if (!/^[A-Z0-9]{6,16}$/.test(up)) throw new LensError('pin-format-sign-password');
      return fromAscii(up);
    }
  }
}

/** Validate a new value for CHANGE REFERENCE DATA: the format rules, plus for the 署名用パスワード
 * the registration rule that letters and digits are mixed (jpki-card.md §3.2). */
export function newPinBytes(format: PinFormat, value: string): Bytes {
  const b = pinBytes(format, value);
  if (format === 'sign-password') {
    const s = String.fromCharCode(...b);
    if (!/[A-Z]/.test(s) || !/[0-9]/.test(s)) {
      b.fill(0);
      throw new LensError('pin-new-needs-letters-and-digits');
    }
  }
  return b;
}
