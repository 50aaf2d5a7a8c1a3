/**
 * Loading the PC/SC binding, which is an optional dependency (README.md here says which one and why):
 * the app never imports this, `npm ci` succeeds without it, and the CLI turns every way loading can
 * fail into a named error that says what to install on this operating system.
 *
 * pcsc-mini ships a prebuilt N-API addon per platform as its own optional package
 * (`@pcsc-mini/linux-x86_64-gnu`, …); on Linux that addon links libpcsclite.so.1 at load time
 * (`ldd addon.node`), so the three failures are: the JS package absent (optional dependencies
 * omitted), no prebuilt addon for this platform, and the PC/SC client library absent.
 */
import type * as PcscMini from 'pcsc-mini';
import { LensError } from '../../errors';

export type PcscModule = typeof PcscMini;

/** What to install so PC/SC works here: the daemon/library per OS (the addon needs no build tools). */
export function pcscInstallAdvice(platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'linux':
      return 'sudo apt install pcscd libpcsclite1 (Debian/Ubuntu; Fedora: sudo dnf install pcsc-lite pcsc-lite-libs), then sudo systemctl enable --now pcscd.socket';
    case 'darwin':
      return 'macOS has PC/SC built in (CryptoTokenKit); nothing to install';
    case 'win32':
      return 'Windows has PC/SC built in: the "Smart Card" service (SCardSvr) must be allowed to start';
    default:
      return `no prebuilt PC/SC binding for ${platform}`;
  }
}

function text(e: unknown): string {
  return e instanceof Error ? `${e.message}` : String(e);
}

/** Which of the three load failures `e` is (exported for the unit test). */
export function bindingLoadError(e: unknown, platform: NodeJS.Platform = process.platform, arch: string = process.arch): LensError {
  const message = text(e);
  const code = (e as { code?: unknown } | null)?.code;
  if (/libpcsclite|winscard|PCSC\.framework/i.test(message)) {
    return new LensError('pcsc-library-missing', { advice: pcscInstallAdvice(platform) }, { cause: e, detail: message });
  }
  if (/Unsupported platform|Unable to detect Linux ABI/i.test(message)) {
    return new LensError('pcsc-platform-unsupported', { platform: `${platform}-${arch}` }, { cause: e, detail: message });
  }
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Required addon dependency not found|Cannot find (module|package)/i.test(message)) {
    return new LensError('pcsc-binding-missing', { platform: `${platform}-${arch}` }, { cause: e, detail: message });
  }
  return new LensError('pcsc-binding-missing', { platform: `${platform}-${arch}` }, { cause: e, detail: message });
}

let loaded: Promise<PcscModule> | undefined;

/** The binding, loaded once; rejects with `pcsc-binding-missing`, `pcsc-library-missing` or `pcsc-platform-unsupported`. */
export function loadPcsc(): Promise<PcscModule> {
  loaded ??= import('pcsc-mini').then(
    (m: PcscModule & { default?: PcscModule }) => (typeof m.Client === 'function' ? m : (m.default ?? m)),
    (e: unknown) => {
      loaded = undefined;
      throw bindingLoadError(e);
    },
  );
  return loaded;
}
