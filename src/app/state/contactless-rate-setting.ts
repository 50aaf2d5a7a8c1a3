/**
 * The user's "always 106 kbit/s" setting for contactless readers (issue 13 item 7), remembered in
 * `localStorage` like the language (src/app/state/app-state.ts LOCALE_STORAGE_KEY): a faster field
 * is less forgiving of where the card lies, and a user whose card keeps dropping out can keep the
 * link at the slowest, most tolerant rate. The reader asks for it at each card activation
 * (DriverOpenOptions.contactlessMaxRate), so a change applies from the next read.
 */

/** Stored as '1' when on; absent (removed) when off. Not personal data. */
export const FORCE_106_STORAGE_KEY = 'jpki-lens.contactless-106';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage can be disabled (private modes, policies)
  }
}

export class ContactlessRateSetting {
  private on: boolean | undefined;
  private readonly listeners = new Set<(force106: boolean) => void>();

  constructor(private readonly storage: () => Store | undefined = defaultStorage) {}

  /** Whether the user asked for 106 kbit/s (read from storage once, then kept). */
  get force106(): boolean {
    if (this.on === undefined) {
      try {
        this.on = this.storage()?.getItem(FORCE_106_STORAGE_KEY) === '1';
      } catch {
        this.on = false;
      }
    }
    return this.on;
  }

  set(force106: boolean): void {
    if (force106 === this.force106) return;
    this.on = force106;
    try {
      const s = this.storage();
      if (force106) s?.setItem(FORCE_106_STORAGE_KEY, '1');
      else s?.removeItem(FORCE_106_STORAGE_KEY);
    } catch {
      // storage disabled: the choice then lasts for this page only
    }
    for (const l of this.listeners) l(force106);
  }

  /** The rate cap for DriverOpenOptions.contactlessMaxRate. */
  readonly maxRate = (): 106 | undefined => (this.force106 ? 106 : undefined);

  subscribe(listener: (force106: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const contactlessRateSetting = new ContactlessRateSetting();
