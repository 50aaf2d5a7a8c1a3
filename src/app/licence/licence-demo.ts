/** The demo licence's PINs, shown only in demo mode (the virtual cards' defaults, tests/fixtures/README.md). */
import { DEMO_LICENCE_PINS, DEMO_MYNA_LICENCE_PIN } from '../demo/demo-device';

export const LICENCE_DEMO_PINS = { ...DEMO_LICENCE_PINS, myna: DEMO_MYNA_LICENCE_PIN } as const;
