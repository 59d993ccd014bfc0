/**
 * The origin allowlist (GRADCAST_ORIGINS): which web pages may talk to this server. Unset, any page may (as a
 * server on a lecturer's laptop or behind Vite's dev proxy needs). Set, a browser request whose `Origin` is
 * neither this server's own nor on the list is refused: the socket's handshake (WebSockets have no CORS, so a
 * page on any site could otherwise open one) and the API. A request without `Origin` (a script, curl, the
 * contract's socket.io-client in Node) is not a page's and passes. Listed origins get CORS on the API.
 */
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** Origins as written in GRADCAST_ORIGINS: comma-separated, e.g. "https://lab.example.org,https://slides.example". */
export function parseOrigins(value: string | undefined): string[] | null {
  const list = (value ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length ? list : null;
}

/** The origin a request was served on: its scheme (behind a proxy, as express says) and Host. */
function ownOrigin(req: IncomingMessage & { protocol?: string }): string | null {
  const host = req.headers.host;
  if (!host) return null;
  const secure = req.protocol === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${secure ? 'https' : 'http'}://${host}`;
}

/** Whether `req` may go on: no allowlist, no Origin, its own origin, or a listed one. */
export function originAllowed(req: IncomingMessage & { protocol?: string }, allowed: readonly string[] | null): boolean {
  const origin = req.headers.origin;
  if (!allowed || !origin) return true;
  return origin === ownOrigin(req) || allowed.includes(origin);
}

/** The API's side: a listed origin gets CORS (and its preflight answered); any other page's request gets 403. */
export function originGuard(allowed: readonly string[] | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!allowed) return next();
    const origin = req.headers.origin;
    if (!originAllowed(req, allowed)) {
      res.status(403).json({ error: { code: 'forbidden', message: `pages on ${origin} may not use this server (GRADCAST_ORIGINS lists the ones that may)` } });
      return;
    }
    if (origin && allowed.includes(origin)) {
      res.vary('Origin');
      res.set('access-control-allow-origin', origin);
      if (req.method === 'OPTIONS') {
        res.set('access-control-allow-methods', 'GET, POST');
        res.set('access-control-allow-headers', 'content-type');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
