/**
 * Hash routes: `#/reader` (default), `#/library`, `#/keys` (using the card's keys), `#/about`, each optionally followed by more path
 * segments for a screen's own sub-pages (e.g. `#/library/<id>`). Hash routing keeps every deep link
 * served by the one precached index.html, online or offline.
 */
export const ROUTES = ['reader', 'library', 'keys', 'about'] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'reader';

export interface Location {
  readonly route: Route;
  /** Further path segments after the route, decoded. */
  readonly rest: readonly string[];
}

function isRoute(s: string): s is Route {
  return (ROUTES as readonly string[]).includes(s);
}

/** Parse `location.hash`; anything unknown falls back to the default route. */
export function parseHash(hash: string): Location {
  const path = hash.replace(/^#\/?/, '');
  const segments = path.split('/').filter((s) => s.length > 0);
  const [first, ...rest] = segments;
  if (first === undefined || !isRoute(first)) return { route: DEFAULT_ROUTE, rest: [] };
  const decoded = rest.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { route: first, rest: decoded };
}

export function formatHash(route: Route, ...rest: readonly string[]): string {
  return `#/${[route, ...rest.map((s) => encodeURIComponent(s))].join('/')}`;
}
