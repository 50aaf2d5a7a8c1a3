import { describe, expect, it, vi } from 'vitest';
import { AppState, initialLocale, LOCALE_STORAGE_KEY } from '../../../src/app/state/app-state';
import { getLocale, setLocale } from '../../../src/i18n';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('initialLocale', () => {
  it('prefers the remembered choice, else the browser language', () => {
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }), ['ja-JP'])).toBe('en');
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'ja' }), ['en-US'])).toBe('ja');
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }), ['en-US'])).toBe('en');
    expect(initialLocale(memoryStorage(), ['ja'])).toBe('ja');
    expect(initialLocale(undefined, ['en'])).toBe('en');
  });

  it('survives storage that throws (disabled site data)', () => {
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(initialLocale(throwing, ['en-GB'])).toBe('en');
  });
});

describe('AppState', () => {
  it('notifies subscribers only on real changes', () => {
    const s = new AppState({ online: true });
    const seen: boolean[] = [];
    const off = s.subscribe((v) => seen.push(v.online));
    s.patch({ online: true });
    s.patch({ online: false });
    s.patch({ online: false });
    off();
    s.patch({ online: true });
    expect(seen).toEqual([false]);
  });

  it('setLocale changes the i18n language, follows it, and stores only the locale', () => {
    const before = getLocale();
    const s = new AppState();
    const storage = memoryStorage();
    void s.setLocale('en', storage);
    expect(getLocale()).toBe('en');
    expect(s.value.locale).toBe('en');
    expect([...storage.data]).toEqual([[LOCALE_STORAGE_KEY, 'en']]);
    void setLocale('ja'); // a change from elsewhere is followed too
    expect(s.value.locale).toBe('ja');
    void setLocale(before);
  });

  it('applies an update only when one is ready, once, through the hook', () => {
    const s = new AppState();
    const hook = vi.fn();
    s.onApplyUpdate(hook);
    s.applyUpdate();
    expect(hook).not.toHaveBeenCalled();
    s.patch({ update: 'ready' });
    s.applyUpdate();
    s.applyUpdate();
    expect(hook).toHaveBeenCalledTimes(1);
    expect(s.value.update).toBe('applying');
  });

  it('navigate without a window location patches the route directly', () => {
    const s = new AppState();
    s.navigate('library', 'abc');
    expect(s.value).toMatchObject({ route: 'library', rest: ['abc'] });
  });
});
