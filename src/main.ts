/**
 * Entry point: document styles, app state (language, route, network), the card session (reconnects a
 * granted reader), the shell, and — in a built app only — the service worker. Nothing here touches
 * storage other than reading the saved language.
 */
import { applyDocumentStyles } from './app/ui/tokens';
import { appState, startAppState } from './app/state/app-state';
import { registerServiceWorker } from './app/pwa/register-sw';
import { cardSession } from './app/session/instance';
import './app/shell/app-shell';

applyDocumentStyles();
// The active language's strings are a chunk of their own (the other language loads on a switch).
const strings = startAppState();
// The card session exists from the start (it is already in the initial bundle through the shell's
// reader screen), so granted readers reconnect on load and plug/unplug events are heard whichever
// screen opens first — not only once `#/reader` has been shown.
// A failed restore (e.g. the catalogue chunk unreachable offline) leaves the connect button to report it.
cardSession().restore().catch(() => undefined);
// A failed load (never precached, offline) still renders: t() then falls back to the keys.
await strings.catch(() => undefined);
document.getElementById('boot')?.remove();
document.body.append(document.createElement('jpki-app'));
if (import.meta.env.PROD) registerServiceWorker(appState);
