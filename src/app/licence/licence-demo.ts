/** The demo licence's PINs (the virtual licence in src/sim; shown only in demo mode). */
export const LICENCE_DEMO_PINS = { pin1: '1234', pin2: '5678', myna: '1234' } as const;
