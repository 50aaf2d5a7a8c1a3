export { appState, AppState, startAppState, initialLocale, LOCALE_STORAGE_KEY, type AppSnapshot, type UpdateState } from './app-state';
export { AppStateController } from './app-state-controller';
export { ROUTES, DEFAULT_ROUTE, parseHash, formatHash, type Route, type Location } from './routes';
