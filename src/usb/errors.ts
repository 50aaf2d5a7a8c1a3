/**
 * WebUSB rejections turned into named LensErrors. Chrome reports everything as DOMExceptions whose
 * `name` is generic (SecurityError covers both "protected class" and an OS-held device), so the
 * operation and the message text decide (strings from Chromium
 * third_party/blink/renderer/modules/webusb/usb_device.cc and WICG/webusb index.bs).
 */
import { LensError, isLensError } from '../errors';

export type HostOs = 'windows' | 'macos' | 'linux' | 'chromeos' | 'android' | 'unknown';

/** From `navigator.userAgentData?.platform ?? navigator.userAgent` (passed in, so Node tests work). */
export function detectOs(platform: string | undefined): HostOs {
  const p = (platform ?? '').toLowerCase();
  if (p.includes('android')) return 'android';
  if (p.includes('cros') || p.includes('chrome os') || p.includes('chromeos')) return 'chromeos';
  if (p.includes('win')) return 'windows';
  if (p.includes('mac')) return 'macos';
  if (p.includes('linux') || p.includes('x11')) return 'linux';
  return 'unknown';
}

export type UsbOperation = 'request' | 'open' | 'select-configuration' | 'claim' | 'transfer' | 'control' | 'reset' | 'close';

export interface UsbErrorContext {
  readonly op: UsbOperation;
  /** reader name from the catalogue or the device's strings */
  readonly name: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly os: HostOs;
  readonly interfaceNumber?: number;
}

export function vidPid(vendorId: number, productId: number): string {
  const h = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  return `${h(vendorId)}:${h(productId)}`;
}

function params(ctx: UsbErrorContext) {
  return { name: ctx.name, vidpid: vidPid(ctx.vendorId, ctx.productId), os: ctx.os };
}

/** Map anything a WebUSB call threw to a LensError (LensErrors pass through unchanged). */
export function mapUsbError(e: unknown, ctx: UsbErrorContext): LensError {
  if (isLensError(e)) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  const p = params(ctx);
  const opts = { cause: e, detail: `${ctx.op}: ${name} ${message}` };
  if (ctx.op === 'request' && name === 'NotFoundError') return new LensError('no-device-selected', {}, opts);
  if (name === 'NotFoundError' && /disconnected/i.test(message)) return new LensError('reader-unplugged', p, opts);
  if (name === 'SecurityError' && /protected class/i.test(message)) {
    return new LensError('protected-class', { ...p, interface: ctx.interfaceNumber ?? 0 }, opts);
  }
  if (name === 'SecurityError' && (ctx.op === 'open' || /access denied/i.test(message))) return new LensError('device-access-denied', p, opts);
  if (/unable to claim interface/i.test(message) || (ctx.op === 'claim' && name === 'NetworkError')) {
    return new LensError('interface-busy', { ...p, interface: ctx.interfaceNumber ?? 0 }, opts);
  }
  if (name === 'NotFoundError' && ctx.op !== 'transfer') return new LensError('reader-unplugged', p, opts);
  if (name === 'InvalidStateError' || name === 'AbortError') return new LensError('reader-busy', p, opts);
  return new LensError('reader-protocol-error', { ...p, what: ctx.op }, opts);
}

/** The i18n key of the advice for this error on this OS, when there is one (the UI shows it under the error). */
export function osAdviceKey(code: string, os: HostOs): string | undefined {
  if (code !== 'device-access-denied' && code !== 'interface-busy') return undefined;
  if (os === 'windows' || os === 'linux' || os === 'macos') return `usb.advice.${code}.${os}`;
  return undefined;
}
