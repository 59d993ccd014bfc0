/**
 * Joining from the hall (docs/protocol.md "Join codes"): `GET /j` is a page to type a room's short join code on,
 * `GET /j/<code>` (and the page's form, `GET /j?code=<code>`) redirects (302) to that room's viewer link. A code
 * gives viewing only: it leads to `/r/<roomId>`, never to the presenter key.
 *
 * An unknown code answers 404; an address that has missed too often (AddressLimiter) answers 429 with Retry-After,
 * whatever it asks. Browsers get the page with the message, other clients `{ error: { code, message } }`. Nothing is
 * cached: a code is reused once its room has closed.
 */
import type { ErrorBody } from '@gradcast/shared';
import express, { type Request, type Response } from 'express';
import { compactJoinCode, JOIN_CODE_LENGTH } from '../room/joinCodes.ts';
import type { Rooms } from '../room/rooms.ts';
import { joinPage } from './joinPage.ts';
import { AddressLimiter } from './addressLimiter.ts';
import { originOf } from './originOf.ts';

/** A code as the hall reads it: two groups of three ("K7M 4RX"). */
const spaced = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

export function createJoinRoutes(rooms: Rooms, limiter = new AddressLimiter()): express.Router {
  const r = express.Router();

  /** Answers a failed lookup: the page with `message` for browsers, the error body for the rest. */
  const refuse = (req: Request, res: Response, status: number, code: ErrorBody['code'], message: string, typed: string): void => {
    res.status(status).set('cache-control', 'no-store');
    if (req.accepts(['html', 'json']) === 'json') res.json({ error: { code, message } });
    else res.type('html').send(joinPage({ code: typed, message }));
  };

  const join = (req: Request, res: Response, typed: string): void => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = limiter.retryAfter(address);
    if (wait > 0) {
      res.set('retry-after', String(wait));
      const message = `Too many wrong codes from your network. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`;
      return refuse(req, res, 429, 'rate_limited', message, typed);
    }
    const roomId = rooms.joinCodes.lookup(typed);
    if (roomId === undefined || !rooms.get(roomId)) {
      limiter.charge(address);
      const compact = compactJoinCode(typed);
      const message =
        compact.length !== JOIN_CODE_LENGTH
          ? `That is not a join code: a code has ${JOIN_CODE_LENGTH} characters, like K7M 4RX.`
          : `No room has the code ${spaced(compact)}. Check it against the screen: a code stops working when its room closes.`;
      return refuse(req, res, 404, 'not_found', message, typed);
    }
    res.set('cache-control', 'no-store').redirect(302, `${originOf(req)}/r/${encodeURIComponent(roomId)}`);
  };

  r.get('/j', (req, res) => {
    const typed = typeof req.query['code'] === 'string' ? req.query['code'] : '';
    if (!typed.trim()) return void res.set('cache-control', 'no-store').type('html').send(joinPage());
    join(req, res, typed);
  });
  r.get('/j/:code', (req, res) => join(req, res, req.params.code));

  return r;
}
