/**
 * Every PC/SC failure as a named LensError (architecture rule 4). pcsc-mini rejects with an `Err`
 * whose `code` is the PC/SC return value's name without the SCARD_E_/SCARD_W_ prefix, in CamelCase
 * (`NoService` = SCARD_E_NO_SERVICE, `RemovedCard` = SCARD_W_REMOVED_CARD, …; the names are in the
 * addon's string table). Meanings: pcsc-lite `pcsclite.h`, Microsoft "Smart Card Return Values".
 */
import { LensError } from '../../errors';

/** PC/SC return-value name → our error code. */
const CODES: Readonly<Record<string, string>> = {
  // The resource manager is not running (pcscd, SCardSvr) — or stopped while we were connected:
  // pcsc-lite reports a closed daemon socket as SCARD_F_COMM_ERROR / SCARD_E_NO_SERVICE.
  NoService: 'pcsc-no-service',
  ServiceStopped: 'pcsc-service-stopped',
  CommError: 'pcsc-service-stopped',
  CommDataLost: 'pcsc-service-stopped',
  NoReadersAvailable: 'pcsc-no-reader',
  UnknownReader: 'pcsc-reader-gone',
  ReaderUnavailable: 'pcsc-reader-gone',
  NoSmartCard: 'pcsc-card-removed',
  RemovedCard: 'pcsc-card-removed',
  // Another program reset the card: its security state (a verified PIN) is gone.
  ResetCard: 'pcsc-card-reset',
  UnpoweredCard: 'pcsc-card-unresponsive',
  UnresponsiveCard: 'pcsc-card-unresponsive',
  UnsupportedCard: 'pcsc-card-unresponsive',
  ProtoMismatch: 'pcsc-card-unresponsive',
  InvalidAtr: 'pcsc-card-unresponsive',
  SharingViolation: 'pcsc-sharing-violation',
  // pcsc-lite ≥ 2 asks polkit whether this user may use PC/SC at all (remote sessions are refused).
  NoAccess: 'pcsc-access-denied',
  SecurityViolation: 'pcsc-access-denied',
  AccessDenied: 'pcsc-access-denied',
  Timeout: 'pcsc-timeout',
  Canceled: 'pcsc-cancelled',
  CancelledByUser: 'pcsc-cancelled',
  SystemCancelled: 'pcsc-cancelled',
};

/** The PC/SC error name of `e`, or undefined when `e` is not a binding error. */
export function pcscErrorName(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `e` (from the binding, during `what`) as a LensError; LensErrors pass through unchanged. */
export function pcscError(e: unknown, what: string, reader = ''): LensError {
  if (e instanceof LensError) return e;
  const name = pcscErrorName(e) ?? 'unknown';
  const code = CODES[name];
  const detail = e instanceof Error ? e.message : String(e);
  if (!code) return new LensError('pcsc-failed', { what, code: name }, { cause: e, detail });
  // `ms` for pcsc-timeout's text: the service's own timeout, whose length PC/SC does not report.
  return new LensError(code, { what, reader, ...(code === 'pcsc-timeout' ? { ms: '?' } : {}) }, { cause: e, detail: `${name} during ${what}` });
}

/** A promise bounded by `ms` (house rule 6): past it, `pcsc-timeout` (the native call may still be pending). */
export function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LensError('pcsc-timeout', { what, ms })), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
