/**
 * The app-level state: where the user is, the language, whether the network is there, and whether
 * a new version of the app is waiting. One instance for the page (`appState`); components follow it
 * through `AppStateController`. Later issues add their own controllers (the card session) beside it
 * rather than growing this one.
 */
import { getLocale, setLocale as setI18nLocale, onLocaleChange, detectLocale, type Locale } from '../../i18n';
import { DEFAULT_ROUTE, formatHash, parseHash, type Route } from './routes';

/** 'none': nothing pending. 'ready': a new service worker waits for the user's go-ahead. 'applying': reloading into it. */
export type UpdateState = 'none' | 'ready' | 'applying';

export interface AppSnapshot {
  readonly route: Route;
  readonly rest: readonly string[];
  readonly locale: Locale;
  readonly online: boolean;
  readonly update: UpdateState;
  /** The service worker has precached the app: it now works offline. */
  readonly offlineReady: boolean;
}

/** The one thing remembered about the user outside IndexedDB: the language they chose. */
export const LOCALE_STORAGE_KEY = 'jpki-lens.locale';

type Listener = (s: AppSnapshot) => void;

export class AppState {
  private snap: AppSnapshot;
  private readonly listeners = new Set<Listener>();
  private applyUpdateHook: (() => void) | undefined;

  constructor(initial: Partial<AppSnapshot> = {}) {
    this.snap = { route: DEFAULT_ROUTE, rest: [], locale: getLocale(), online: true, update: 'none', offlineReady: false, ...initial };
    onLocaleChange((locale) => this.patch({ locale }));
  }

  get value(): AppSnapshot {
    return this.snap;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  patch(p: Partial<AppSnapshot>): void {
    const next = { ...this.snap, ...p };
    const changed = (Object.keys(p) as (keyof AppSnapshot)[]).some((k) => next[k] !== this.snap[k]);
    if (!changed) return;
    this.snap = next;
    for (const l of this.listeners) l(next);
  }

  /** Change the language and remember the choice (only the locale is stored, nothing else). */
  setLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): Promise<void> {
    try {
      storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage can be disabled (private modes, policies): the choice then lasts for this page only.
    }
    // Its strings are loaded first when they are not yet (a chunk of their own, precached).
    return setI18nLocale(locale);
  }

  /** Go to a route; the hashchange listener updates the snapshot. */
  navigate(route: Route, ...rest: string[]): void {
    const hash = formatHash(route, ...rest);
    if (globalThis.location && globalThis.location.hash !== hash) globalThis.location.hash = hash;
    else this.patch({ route, rest });
  }

  /** The service-worker module installs how an update is applied; the UI only asks for it. */
  onApplyUpdate(hook: () => void): void {
    this.applyUpdateHook = hook;
  }

  applyUpdate(): void {
    if (this.snap.update !== 'ready' || !this.applyUpdateHook) return;
    this.patch({ update: 'applying' });
    this.applyUpdateHook();
  }
}

/** The remembered language, else the browser's preference. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined, languages: readonly string[]): Locale {
  let saved: string | null;
  try {
    saved = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    saved = null; // storage disabled: fall back to the browser's preference
  }
  if (saved === 'ja' || saved === 'en') return saved;
  return detectLocale(languages);
}

export const appState = new AppState();

/**
 * Wire the page's events into `appState`: language, hash routes, online/offline. Call once at start.
 * Resolves when the initial language's strings are loaded (render after that).
 */
export function startAppState(win: Window = window): Promise<void> {
  const locale = initialLocale(win.localStorage, win.navigator.languages?.length ? win.navigator.languages : [win.navigator.language]);
  const strings = setI18nLocale(locale);
  const fromHash = () => {
    const { route, rest } = parseHash(win.location.hash);
    appState.patch({ route, rest });
  };
  fromHash();
  win.addEventListener('hashchange', fromHash);
  appState.patch({ online: win.navigator.onLine });
  win.addEventListener('online', () => appState.patch({ online: true }));
  win.addEventListener('offline', () => appState.patch({ online: false }));
  return strings;
}
