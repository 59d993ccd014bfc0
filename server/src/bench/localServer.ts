/**
 * The server as `gradcast serve` builds it (createApp with an EnginePool), listening on a free port of 127.0.0.1,
 * silent, for the benchmarks that measure it from the outside (viewer, fanout). close() stops the app, the engine
 * and the listener.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { type App, createApp } from '../app.ts';
import type { BackendPref } from '../backend/prefs.ts';
import { EnginePool } from '../engine/pool.ts';

export interface LocalServer {
  url: string;
  app: App;
  engine: EnginePool;
  close(): Promise<void>;
}

export async function startLocalServer(opts: { backend?: BackendPref; workers?: number } = {}): Promise<LocalServer> {
  const engine = await EnginePool.start({ backend: opts.backend ?? 'wasm', ...(opts.workers ? { workers: opts.workers } : {}) });
  const httpServer = createServer();
  const app = createApp(httpServer, { engine, logger: pino({ level: 'silent' }) });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    app,
    engine,
    async close() {
      await app.close();
      await engine.close();
      await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}
