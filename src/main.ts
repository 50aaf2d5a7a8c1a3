/**
 * Entry point: document styles, app state (language, route, network), the shell, and — in a built
 * app only — the service worker. Nothing here touches storage other than reading the saved language.
 */
import { applyDocumentStyles } from './app/ui/tokens';
import { appState, startAppState } from './app/state/app-state';
import { registerServiceWorker } from './app/pwa/register-sw';
import './app/shell/app-shell';

applyDocumentStyles();
startAppState();
document.getElementById('boot')?.remove();
document.body.append(document.createElement('jpki-app'));
if (import.meta.env.PROD) registerServiceWorker(appState);
