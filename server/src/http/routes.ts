/**
 * HTTP endpoints (contract.md): health, Prometheus metrics, lessons, rooms, join codes (joinRoutes.ts), and the
 * client build. Errors always have the shape { error: { code, message } }.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CreateRoomResponse, ErrorBody, RoomStatusResponse } from '@gradcast/shared';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { z } from 'zod';
import { EngineError } from '../engine/client.ts';
import { listLessons } from '../lessons/catalogue.ts';
import { type Rooms, UnknownLessonError } from '../room/rooms.ts';
import type { Metrics } from '../metrics.ts';
import { AddressLimiter, type AddressLimits } from './addressLimiter.ts';
import { createJoinRoutes } from './joinRoutes.ts';
import { originOf } from './originOf.ts';

const createRoomSchema = z.object({
  lesson: z.string({ error: 'lesson (a lesson id) is required' }).min(1).max(32),
  title: z.string().max(120).optional(),
});

const sendError = (res: Response, status: number, code: ErrorBody['code'], message: string): void => {
  res.status(status).json({ error: { code, message } });
};

/** A live room's join code (issued when the room became ready: room/rooms.ts) and its link on this origin (`/j/<code>`). */
const joinLink = (req: Request, rooms: Rooms, roomId: string): { joinCode: string; joinUrl: string } => {
  const joinCode = rooms.joinCodes.codeOf(roomId);
  if (joinCode === undefined) throw new Error(`room ${roomId} is live but has no join code`);
  return { joinCode, joinUrl: `${originOf(req)}/j/${joinCode}` };
};

export interface RouteDeps {
  rooms: Rooms;
  metrics: Metrics;
  backend: string;
  startedAt: number;
  /** Folder of the built client (client/dist); when missing, pages explain how to build it. */
  clientDir: string;
  /** Most rooms this process holds; past it, POST /api/rooms answers 503 (GRADCAST_MAX_ROOMS). */
  maxRooms?: number;
  /** Rooms one client address may create: a burst, then so many a minute. */
  createLimits?: AddressLimits;
}

/** A lab of rooms on one process, with room to spare: each training room takes a share of a core. */
export const DEFAULT_MAX_ROOMS = 100;
/** A presenter opening a lesson after another, a lab setting up: 10 at once, then one every 10 s per address. */
export const DEFAULT_CREATE_LIMITS: AddressLimits = { burst: 10, perMinute: 6 };

export function createRoutes(deps: RouteDeps): express.Router {
  const r = express.Router();
  const { rooms, metrics } = deps;
  const maxRooms = deps.maxRooms ?? DEFAULT_MAX_ROOMS;
  const creations = new AddressLimiter(deps.createLimits ?? DEFAULT_CREATE_LIMITS);

  r.get('/healthz', (_req, res) => {
    res.json({ ok: true, backend: deps.backend, uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000) });
  });

  r.get('/metrics', async (_req, res) => {
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // The contract's fields; `?details=1` adds each lesson's description (the landing page's), ~20 kB that scripts
  // listing lessons do not need.
  r.get('/api/lessons', (req, res) => {
    const details = req.query['details'] === '1';
    res.json(
      listLessons().map((l) => ({
        id: l.id,
        title: l.title,
        chapter: l.chapter,
        trains: l.trains,
        controls: l.controls,
        ...(details ? { description: l.description } : {}),
      })),
    );
  });

  r.post('/api/rooms', express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = createRoomSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(res, 400, 'invalid', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
    }
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const wait = creations.retryAfter(address);
    if (wait > 0) {
      res.set('retry-after', String(wait));
      return sendError(res, 429, 'rate_limited', `too many rooms created from your network: wait ${wait} s, then try again`);
    }
    if (rooms.size >= maxRooms) {
      return sendError(res, 503, 'unavailable', `this server holds its most rooms (${maxRooms}): close a room, or wait for idle ones to close, then try again`);
    }
    creations.charge(address);
    try {
      const { room, presenterKey } = await rooms.create(parsed.data.lesson, parsed.data.title);
      const viewerUrl = `${originOf(req)}/r/${room.id}`;
      const body: CreateRoomResponse = {
        roomId: room.id,
        presenterKey,
        viewerUrl,
        presenterUrl: `${viewerUrl}#key=${presenterKey}`,
        ...joinLink(req, rooms, room.id),
      };
      res.status(201).json(body);
    } catch (err) {
      if (err instanceof UnknownLessonError) return sendError(res, 400, 'invalid', err.message);
      if (err instanceof EngineError) return sendError(res, 503, 'unavailable', err.message);
      throw err;
    }
  });

  r.get('/api/rooms/:roomId', (req, res) => {
    const room = rooms.get(req.params.roomId);
    if (!room) return sendError(res, 404, 'not_found', `room ${req.params.roomId} not found`);
    const s = room.status;
    const body: RoomStatusResponse = {
      roomId: room.id,
      lesson: room.lesson.id,
      state: s.state,
      step: s.step,
      loss: s.loss,
      metrics: { loss: s.loss, stepsPerSecond: s.stepsPerSecond },
      hyperparameters: room.publicHyperparameters(),
      viewers: room.viewers,
      generation: s.generation,
      ...joinLink(req, rooms, room.id),
    };
    res.json(body);
  });

  r.use('/api', (_req, res) => sendError(res, 404, 'not_found', 'no such API endpoint'));
  r.use(createJoinRoutes(rooms));

  // The client build; /r/<roomId> is a client route, answered with index.html.
  const index = path.join(deps.clientDir, 'index.html');
  r.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
  r.get(['/', '/r/:roomId'], (_req, res) => {
    if (existsSync(index)) return res.sendFile(index, { maxAge: 0 });
    res
      .status(503)
      .type('text/plain')
      .send('The client is not built. Run `npm run build` (or `npm start`, which builds what is missing).\n');
  });

  return r;
}

/** Last-resort handler: malformed JSON is the client's fault (400); anything else is logged as ours (500). */
export function errorHandler(log: { error: (o: object, m: string) => void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed') return sendError(res, 400, 'invalid', 'request body is not valid JSON');
    if (e.type === 'entity.too.large') return sendError(res, 413, 'invalid', 'request body too large');
    if (e.status && e.status >= 400 && e.status < 500) return sendError(res, e.status, 'invalid', e.message ?? 'bad request');
    log.error({ err }, 'unhandled HTTP error');
    sendError(res, 500, 'internal', 'internal error');
  };
}
