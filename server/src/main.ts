/**
 * The only module that listens on a port and reads the environment: starts the engine worker, builds the app
 * with createApp, listens, optionally opens rooms, and shuts down cleanly on SIGINT/SIGTERM.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import pino, { type Logger } from 'pino';
import { createApp } from './app.ts';
import type { BackendPref } from './backend/prefs.ts';
import { EnginePool } from './engine/pool.ts';
import { parseOrigins } from './http/origins.ts';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  backend: BackendPref;
  /** Lessons to open a room for at start-up (their URLs are printed). */
  rooms: string[];
  logger?: Logger;
}

export function createLogger(): Logger {
  return pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined });
}

export async function serve(opts: ServeOptions): Promise<{ close(): Promise<void>; port: number }> {
  const log = opts.logger ?? createLogger();
  mkdirSync(opts.dataDir, { recursive: true });
  const engine = await EnginePool.start({ backend: opts.backend });
  log.info(
    { backend: engine.backend.name, kind: engine.backend.kind, detail: engine.backend.detail, workers: engine.size },
    'tfjs backend selected',
  );
  engine.on('log', (level, msg, roomId) => log[level]({ roomId }, msg));
  engine.on('exit', (code) => {
    log.fatal({ code }, 'the training engine stopped; exiting so a supervisor can restart the server');
    process.exit(1);
  });

  const httpServer = createServer();
  const maxMembers = Number(process.env.GRADCAST_MAX_MEMBERS);
  const maxRooms = Number(process.env.GRADCAST_MAX_ROOMS);
  const app = createApp(httpServer, {
    engine,
    logger: log,
    trustProxy: process.env.TRUST_PROXY === '1',
    ...(Number.isInteger(maxMembers) && maxMembers >= 1 ? { maxMembers } : {}),
    ...(Number.isInteger(maxRooms) && maxRooms >= 1 ? { maxRooms } : {}),
    origins: parseOrigins(process.env.GRADCAST_ORIGINS),
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const origin = `http://${opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host}:${port}`;
  log.info({ url: origin }, 'listening');

  for (const lessonId of opts.rooms) {
    const { room, presenterKey } = await app.rooms.create(lessonId);
    const viewerUrl = `${origin}/r/${room.id}`;
    const joinCode = app.rooms.joinCodes.codeOf(room.id);
    log.info({ lesson: lessonId, viewerUrl, joinCode }, 'room ready');
    process.stdout.write(
      `\n  ${room.title} (${lessonId})\n  presenter: ${viewerUrl}#key=${presenterKey}\n  viewers:   ${viewerUrl}` +
        (joinCode ? `\n  join code: ${joinCode} (${origin}/j/${joinCode})` : '') +
        '\n\n',
    );
  }

  let closing = false;
  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    engine.removeAllListeners('exit');
    await app.close();
    await engine.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log.info({ signal: sig }, 'shutting down');
      void close().then(() => process.exit(0));
    });
  }
  return { close, port };
}
