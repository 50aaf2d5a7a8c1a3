/**
 * Demo mode's device: the SCR3310-NTTCom double from `src/sim/` with a default virtual My Number
 * card inside (PINs in tests/fixtures/README.md), opened by the app through the very same
 * `openReader` path as a real reader. The simulator is imported with `import()`, so it is a chunk
 * of its own that is fetched only when the user starts the demo (never in the initial bundle).
 */
export async function loadDemoDevice(): Promise<USBDevice> {
  const sim = await import('../../sim/index');
  return sim.createVirtualReader('scr3310-nttcom', sim.createVirtualMyNumberCard());
}

/** The demo card's PINs, shown on the demo's screens so a newcomer can try every dialog. */
export const DEMO_PINS = { auth: '1234', sign: 'ABC123', kenhojo: '1234' } as const;
