/**
 * The two pages, read from the URL (no router library):
 *  - `/`            → landing page (lesson list);
 *  - `/r/<roomId>`  → a room; the presenter key rides in the fragment `#key=<presenterKey>` so it never
 *                     reaches server logs or proxies. `?name=` sets the display name.
 */
export type Route =
  | { page: 'landing' }
  | { page: 'room'; roomId: string; presenterKey?: string; name?: string }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string, hash = '', search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { page: 'landing' };
  const room = /^\/r\/([^/]+)$/.exec(path);
  if (!room) return { page: 'not-found', path: pathname };
  const route: Route = { page: 'room', roomId: decodeURIComponent(room[1] as string) };
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
  if (key) route.presenterKey = key;
  const name = new URLSearchParams(search).get('name')?.trim();
  if (name) route.name = name.slice(0, 40);
  return route;
}

/** Viewer link of a room on this origin (the presenter shares it). */
export function viewerLink(origin: string, roomId: string): string {
  return `${origin}/r/${encodeURIComponent(roomId)}`;
}

/** Same-origin path + fragment of a server-made URL, so navigation stays on the origin the page came from. */
export function localPath(url: string, origin: string): string {
  const u = new URL(url, origin);
  return u.pathname + u.search + u.hash;
}
