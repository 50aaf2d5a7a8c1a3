/**
 * Service-worker registration through workbox-window. The worker is generated at build time by
 * vite-plugin-pwa (generateSW, registerType 'prompt'): a new version installs in the background and
 * then *waits*. The app shows "a new version is ready — reload" and only when the user presses it
 * does the waiting worker take over (SKIP_WAITING), after which the page reloads once. Nothing is
 * cleared on the way: IndexedDB (the saved certificates) and the language choice are untouched,
 * and only the app's own precache is replaced by workbox.
 */
import { Workbox } from 'workbox-window';
import type { AppState } from '../state/app-state';

export interface RegisterOptions {
  /** Where the worker lives; vite-plugin-pwa writes it to the root of the build. */
  readonly url?: string;
  readonly scope?: string;
}

export function registerServiceWorker(state: AppState, options: RegisterOptions = {}): Workbox | undefined {
  if (!('serviceWorker' in navigator)) return undefined;
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(options.url ?? `${base}sw.js`, { scope: options.scope ?? base });
  const root = document.documentElement;

  wb.addEventListener('activated', (e) => {
    root.dataset.sw = 'activated';
    if (!e.isUpdate) state.patch({ offlineReady: true });
  });
  wb.addEventListener('waiting', () => {
    root.dataset.swUpdate = 'ready';
    state.patch({ update: 'ready' });
  });
  let reloadRequested = false;
  let newWorkerControls = false;
  wb.addEventListener('controlling', (e) => {
    // Reload only once the new worker controls the page, so the reload is served by it.
    if (reloadRequested) window.location.reload();
    else if (e.isUpdate) {
      // Another tab applied the update: this page's code is now older than the worker's cache, so
      // offer the same reload here (its lazily loaded parts may no longer be cached).
      newWorkerControls = true;
      state.patch({ update: 'ready' });
    }
  });
  state.onApplyUpdate(() => {
    if (newWorkerControls) {
      window.location.reload();
      return;
    }
    reloadRequested = true;
    wb.messageSkipWaiting();
  });

  wb.register().catch((e: unknown) => {
    // No service worker (e.g. a browser setting): the app still works online; say so in the console
    // for developers only — this is not an error the user can act on.
    console.warn('JPKI Lens: service worker registration failed', e);
  });
  return wb;
}
