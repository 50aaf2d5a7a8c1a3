import { describe, expect, it } from 'vitest';
import { LensError } from '../../../../src/errors';
import { hasMessage } from '../../../../src/i18n';
import { bindingLoadError, pcscInstallAdvice } from '../../../../src/readers/pcsc/binding';
import { bounded, pcscError } from '../../../../src/readers/pcsc/errors';

/** An error shaped as pcsc-mini rejects: `code` is the PC/SC return value's name. */
function bindingErr(code: string): Error & { code: string } {
  return Object.assign(new Error('Error in native function'), { code });
}

describe('PC/SC errors → named LensErrors', () => {
  it.each([
    ['NoService', 'pcsc-no-service'],
    ['CommError', 'pcsc-service-stopped'],
    ['NoReadersAvailable', 'pcsc-no-reader'],
    ['UnknownReader', 'pcsc-reader-gone'],
    ['RemovedCard', 'pcsc-card-removed'],
    ['NoSmartCard', 'pcsc-card-removed'],
    ['ResetCard', 'pcsc-card-reset'],
    ['UnresponsiveCard', 'pcsc-card-unresponsive'],
    ['SharingViolation', 'pcsc-sharing-violation'],
    ['NoAccess', 'pcsc-access-denied'],
    ['Timeout', 'pcsc-timeout'],
    ['Canceled', 'pcsc-cancelled'],
    ['InsufficientBuffer', 'pcsc-failed'],
  ])('%s → %s, with ja and en text', (name, code) => {
    const e = pcscError(bindingErr(name), 'SCardTransmit', 'Reader 00');
    expect(e.code).toBe(code);
    expect(hasMessage(`error.${code}`, 'ja') && hasMessage(`error.${code}`, 'en')).toBe(true);
    if (code === 'pcsc-failed') expect(e.params).toMatchObject({ what: 'SCardTransmit', code: name });
  });

  it('passes a LensError through and names a non-binding error pcsc-failed', () => {
    const original = new LensError('pin-wrong', { pin: 'jpki-auth', remaining: 2 });
    expect(pcscError(original, 'x')).toBe(original);
    expect(pcscError(new Error('boom'), 'SCardConnect').params).toMatchObject({ code: 'unknown', what: 'SCardConnect' });
  });

  it('bounds a call that never settles with pcsc-timeout', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(bounded(never, 20, 'SCardTransmit')).rejects.toMatchObject({ code: 'pcsc-timeout', params: { what: 'SCardTransmit', ms: 20 } });
    await expect(bounded(Promise.resolve(7), 20, 'x')).resolves.toBe(7);
  });
});

describe('loading the optional binding', () => {
  it('the package absent (optional dependencies omitted or not installable) → pcsc-binding-missing', () => {
    const e = Object.assign(new Error("Cannot find package 'pcsc-mini' imported from /x/binding.ts"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(bindingLoadError(e, 'linux', 'x64')).toMatchObject({ code: 'pcsc-binding-missing', params: { platform: 'linux-x64' } });
    // pcsc-mini's own loader, when its platform package was skipped (seen with `npm ci --os=darwin` here).
    const addon = new Error('Required addon dependency not found (@pcsc-mini/macos-aarch64):\nError: Cannot find module');
    expect(bindingLoadError(addon, 'darwin', 'arm64').code).toBe('pcsc-binding-missing');
  });

  it('libpcsclite.so.1 absent → pcsc-library-missing with what to install', () => {
    const e = new Error('libpcsclite.so.1: cannot open shared object file: No such file or directory');
    const l = bindingLoadError(e, 'linux', 'x64');
    expect(l.code).toBe('pcsc-library-missing');
    expect(l.params.advice).toContain('sudo apt install pcscd libpcsclite1');
  });

  it('no prebuilt addon for the platform → pcsc-platform-unsupported', () => {
    expect(bindingLoadError(new Error('Unsupported platform: freebsd-x64'), 'freebsd', 'x64')).toMatchObject({
      code: 'pcsc-platform-unsupported',
      params: { platform: 'freebsd-x64' },
    });
  });

  it('says what each OS needs (no build tools anywhere)', () => {
    expect(pcscInstallAdvice('linux')).toMatch(/pcscd/);
    expect(pcscInstallAdvice('darwin')).toMatch(/built in/);
    expect(pcscInstallAdvice('win32')).toMatch(/SCardSvr/);
  });
});
