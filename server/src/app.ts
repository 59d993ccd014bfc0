/**
 * createApp: builds the whole server around an http.Server it is given, without listening. main.ts listens;
 * tests call createApp on port 0.
 */
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { EnginePool } from './engine/pool.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { AddressLimits } from './http/addressLimiter.ts';
import { createRoutes, errorHandler } from './http/routes.ts';
import { originAllowed, originGuard } from './http/origins.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { registerHandlers } from './room/handlers.ts';
import type { GradcastServer } from './room/io.ts';
import { type IdlePolicy, Rooms } from './room/rooms.ts';
import { SlowGuard, type SlowLimits } from './room/slowGuard.ts';

export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

export interface AppParts {
  engine: EnginePool;
  logger: Logger;
  clientDir?: string;
  /** Frames per second sent to each viewer, at most. */
  frameRate?: number;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy?: boolean;
  /** When rooms nobody watches are paused and closed (default: 10 minutes, 24 hours). */
  idle?: IdlePolicy;
  /** Most members of one room (default: rooms.ts DEFAULT_MAX_MEMBERS). */
  maxMembers?: number;
  /** When a member that fell behind is disconnected (default: slowGuard.ts SLOW_LIMITS). */
  slowLimits?: SlowLimits;
  /** Most rooms this process holds, and rooms one address may create (default: http/routes.ts). */
  maxRooms?: number;
  createLimits?: AddressLimits;
  /** Web origins allowed besides the server's own (GRADCAST_ORIGINS); absent, any (http/origins.ts). */
  origins?: string[] | null;
}

export interface App {
  app: express.Express;
  io: GradcastServer;
  rooms: Rooms;
  metrics: Metrics;
  close(): Promise<void>;
}

export function createApp(httpServer: HttpServer, parts: AppParts): App {
  const { engine, logger } = parts;
  const metrics = createMetrics();
  const app = express();
  app.disable('x-powered-by');
  if (parts.trustProxy) app.set('trust proxy', true);
  app.use(securityHeaders());
  const origins = parts.origins ?? null;
  app.use(originGuard(origins));
  const io: GradcastServer = new Server(httpServer, {
    // Frames are small and frequent; compression costs more CPU per viewer than it saves here.
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    // A page from another site may not open the socket (WebSockets have no CORS): http/origins.ts.
    allowRequest: (req, done) => done(null, originAllowed(req, origins)),
  });
  const rooms = new Rooms(io, engine, metrics, logger, parts.frameRate, parts.idle, parts.maxMembers);
  registerHandlers({ io, rooms, metrics, log: logger });
  const slow = new SlowGuard(io, metrics, logger, parts.slowLimits);
  app.use(
    createRoutes({
      rooms,
      metrics,
      backend: engine.backend.name,
      startedAt: Date.now(),
      clientDir: path.resolve(parts.clientDir ?? DEFAULT_CLIENT_DIR),
      ...(parts.maxRooms !== undefined ? { maxRooms: parts.maxRooms } : {}),
      ...(parts.createLimits ? { createLimits: parts.createLimits } : {}),
    }),
  );
  app.use(errorHandler(logger));
  httpServer.on('request', app);
  return {
    app,
    io,
    rooms,
    metrics,
    async close() {
      slow.close();
      await rooms.closeAll();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
