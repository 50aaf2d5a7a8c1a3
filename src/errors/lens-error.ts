/**
 * The one error type every layer throws. `code` is a stable kebab-case name (tests and the UI key on
 * it); the user-facing text lives in src/i18n as `error.<code>` in both languages, with `params`
 * filled in. Never put a PIN or personal data in params.
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

export class LensError extends Error {
  override readonly name = 'LensError';
  readonly code: string;
  readonly params: ErrorParams;

  constructor(code: string, params: ErrorParams = {}, options?: { cause?: unknown; detail?: string }) {
    const shown = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', ');
    super(`${code}${shown ? ` (${shown})` : ''}${options?.detail ? `: ${options.detail}` : ''}`, { cause: options?.cause });
    this.code = code;
    this.params = params;
  }
}

export function isLensError(e: unknown, code?: string): e is LensError {
  return e instanceof LensError && (code === undefined || e.code === code);
}
