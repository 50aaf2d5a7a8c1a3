import type { LicenceHolderId } from '../../sim/licence';

/**
 * Demo mode's device: the SCR3310-NTTCom double from `src/sim/` with a default virtual My Number
 * card inside (PINs in tests/fixtures/README.md), opened by the app through the very same
 * `openReader` path as a real reader. The simulator is imported with `import()`, so it is a chunk
 * of its own that is fetched only when the user starts the demo (never in the initial bundle).
 */
export async function loadDemoDevice(options: { readonly licence?: boolean } = {}): Promise<USBDevice> {
  const sim = await import('../../sim/index');
  // `licence`: a マイナ免許証 — the card also carries the licence instance (PIN DEMO_MYNA_LICENCE_PIN).
  return sim.createVirtualReader('scr3310-nttcom', sim.createVirtualMyNumberCard(options.licence ? { licence: true } : {}));
}

/** The demo card's PINs, shown on the demo's screens so a newcomer can try every dialog. */
export const DEMO_PINS = { auth: '1234', sign: 'ABC123', kenhojo: '1234' } as const;

/**
 * Demo mode's licence: the same SCR3310-NTTCom double with a virtual IC driver's licence inside
 * (holder `all-classes` unless another is named: every class with its date, four conditions; holders
 * and PINs in tests/fixtures/README.md), loaded as lazily as the My Number demo card.
 */
export async function loadDemoLicenceDevice(holder: DemoLicenceHolder = 'all-classes'): Promise<USBDevice> {
  const sim = await import('../../sim/index');
  return sim.createVirtualReader('scr3310-nttcom', sim.createVirtualDriversLicence({ holder }));
}

/** The demo licences' holders (src/sim/licence/holders.ts ids). */
export type DemoLicenceHolder = LicenceHolderId;

/** The PIN of the マイナ免許証 instance on the demo My Number card (`loadDemoDevice({ licence: true })`). */
export const DEMO_MYNA_LICENCE_PIN = '1234';

/** The demo licence's PINs (every demo holder but `no-pin`, whose card answers to the DPIN `****`). */
export const DEMO_LICENCE_PINS = { pin1: '1234', pin2: '5678' } as const;
