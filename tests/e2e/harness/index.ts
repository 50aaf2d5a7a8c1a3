export { test, expect, appReady, installSim, cspViolations, Guard, SIM_SCRIPT, type Problem } from './fixtures';
export { expectAccessible } from './axe';
export { screenshot, VIEWPORTS, SCREENSHOT_DIR, type ViewportName } from './screenshots';
export { withLocale } from './locale';
export { seedLibrary } from './seed-library';
export { findSecrets, type SecretHit } from './secrets';
