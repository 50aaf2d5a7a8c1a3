import { describe, expect, it } from 'vitest';
import { LensError } from '../../../src/errors';
import { hasMessage, tBoth } from '../../../src/i18n';
import { detectOs, mapUsbError, osAdviceKey, type UsbErrorContext } from '../../../src/usb/errors';

const ctx = (op: UsbErrorContext['op'], os: UsbErrorContext['os'] = 'linux'): UsbErrorContext => ({ op, name: 'SCR3310-NTTCom', vendorId: 0x04e6, productId: 0x511a, os, interfaceNumber: 0 });
const dom = (name: string, message: string) => new DOMException(message, name);

describe('WebUSB errors → named LensErrors', () => {
  it('detects the OS from userAgentData.platform or the user agent', () => {
    expect(detectOs('Windows')).toBe('windows');
    expect(detectOs('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36')).toBe('macos');
    expect(detectOs('Mozilla/5.0 (X11; Linux x86_64)')).toBe('linux');
    expect(detectOs('Mozilla/5.0 (X11; CrOS x86_64 14541.0.0)')).toBe('chromeos');
    expect(detectOs('Mozilla/5.0 (Linux; Android 14; Pixel 8)')).toBe('android');
    expect(detectOs(undefined)).toBe('unknown');
  });

  const cases: [UsbErrorContext['op'], DOMException, string][] = [
    ['claim', dom('SecurityError', "Failed to execute 'claimInterface' on 'USBDevice': The requested interface implements a protected class."), 'protected-class'],
    ['open', dom('SecurityError', "Failed to execute 'open' on 'USBDevice': Access denied."), 'device-access-denied'],
    ['claim', dom('NetworkError', "Failed to execute 'claimInterface' on 'USBDevice': Unable to claim interface."), 'interface-busy'],
    ['transfer', dom('NotFoundError', "Failed to execute 'transferIn' on 'USBDevice': The device was disconnected."), 'reader-unplugged'],
    ['request', dom('NotFoundError', "Failed to execute 'requestDevice' on 'USB': No device selected."), 'no-device-selected'],
    ['transfer', dom('AbortError', 'The transfer was cancelled.'), 'reader-busy'],
    ['transfer', dom('NetworkError', 'A transfer error has occurred.'), 'reader-protocol-error'],
  ];
  for (const [op, e, code] of cases) {
    it(`${op}: ${e.name} "${e.message.slice(-40)}" → ${code}, with ja and en text`, () => {
      const err = mapUsbError(e, ctx(op));
      expect(err.code).toBe(code);
      expect(err.cause).toBe(e);
      expect(hasMessage(`error.${code}`, 'ja') && hasMessage(`error.${code}`, 'en')).toBe(true);
      const text = tBoth(`error.${code}`, err.params);
      expect(text.en).not.toMatch(/\{\w+\}/);
      expect(text.ja).not.toMatch(/\{\w+\}/);
    });
  }

  it('protected-class names the reader and the readers that work from a page', () => {
    const text = tBoth('error.protected-class', mapUsbError(cases[0][1], ctx('claim')).params);
    expect(text.en).toContain('SCR3310-NTTCom (04E6:511A)');
    expect(text.en).toContain('RC-S380');
    expect(text.ja).toContain('0x0B');
  });

  it('LensErrors pass through; OS advice keys exist for the OS-held cases', () => {
    const e = new LensError('timeout', { what: 'x', ms: 1 });
    expect(mapUsbError(e, ctx('transfer'))).toBe(e);
    for (const os of ['windows', 'linux', 'macos'] as const) {
      for (const code of ['device-access-denied', 'interface-busy']) {
        const key = osAdviceKey(code, os)!;
        expect(hasMessage(key, 'ja') && hasMessage(key, 'en')).toBe(true);
      }
    }
    expect(osAdviceKey('interface-busy', 'chromeos')).toBeUndefined();
    expect(tBoth('usb.advice.interface-busy.linux').en).toContain('pcscd');
    expect(tBoth('usb.advice.device-access-denied.windows').ja).toContain('Zadig');
  });
});

describe('requestReaderDevice', () => {
  it('offers the page-usable readers, optionally every Smart Card class device, and names a cancel', async () => {
    const { FakeUsb } = await import('../../../src/sim/webusb/fake-usb');
    const { requestReaderDevice, readerFilters } = await import('../../../src/usb/request');
    const { createVirtualReader } = await import('../../../src/sim/readers');
    expect(readerFilters()).not.toContainEqual({ classCode: 0x0b });
    expect(readerFilters({ includeSmartCardClass: true })).toContainEqual({ classCode: 0x0b });
    const usb = new FakeUsb();
    const acr = createVirtualReader('class0b-extended');
    usb.plug(acr);
    const err = await requestReaderDevice(usb as unknown as USB).catch((e: unknown) => e);
    expect(err instanceof LensError && err.code).toBe('no-device-selected');
    expect(await requestReaderDevice(usb as unknown as USB, { includeSmartCardClass: true })).toBe(acr);
    const ntt = createVirtualReader('scr3310-nttcom');
    usb.plug(ntt);
    expect(await requestReaderDevice(usb as unknown as USB)).toBe(ntt);
  });
});
