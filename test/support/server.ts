/**
 * Starts the real app (engine worker included) on port 0 for cross-workspace tests, the way main.ts does but
 * without signals or logs. (Model: socket.io's test/support/util.ts.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, CreateRoomResponse, JoinAuth, ServerToClientEvents } from '@gradcast/shared';
import { framesParser } from '@gradcast/shared/framesParser';
import { createApp, type App } from '@gradcast/server/app';
import type { IdlePolicy } from '@gradcast/server/room/rooms';
import type { SlowLimits } from '@gradcast/server/room/slowGuard';
import type { AddressLimits } from '@gradcast/server/http/addressLimiter';
import type { BackendPref } from '@gradcast/server/backend/prefs';
import { EnginePool } from '@gradcast/server/engine/pool';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';

/** Tests create many rooms from one address; a test of the limit passes its own. */
const UNLIMITED_CREATION: AddressLimits = { burst: 10_000, perMinute: 60_000 };

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: App;
  engine: EnginePool;
  createRoom(lesson?: string): Promise<CreateRoomResponse>;
  /** A member; with `frames: 'packed'`, frames come packed and the page's parser unpacks them (as the client does). */
  connect(auth: JoinAuth): TestSocket;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: {
    backend?: BackendPref;
    clientDir?: string;
    workers?: number;
    idle?: IdlePolicy;
    maxMembers?: number;
    slowLimits?: SlowLimits;
    maxRooms?: number;
    createLimits?: AddressLimits;
    /** Where the server logs (default: nowhere). */
    logger?: pino.Logger;
    origins?: string[];
  } = {},
): Promise<TestServer> {
  const engine = await EnginePool.start({ backend: opts.backend ?? 'wasm', workers: opts.workers ?? 1 });
  const httpServer = createServer();
  const app = createApp(httpServer, { engine, logger: opts.logger ?? pino({ level: 'silent' }), clientDir: opts.clientDir, idle: opts.idle, maxMembers: opts.maxMembers, slowLimits: opts.slowLimits, maxRooms: opts.maxRooms, createLimits: opts.createLimits ?? UNLIMITED_CREATION, origins: opts.origins ?? null });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const sockets: TestSocket[] = [];
  return {
    url,
    app,
    engine,
    async createRoom(lesson = 'ch02-03') {
      const res = await fetch(`${url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lesson }),
      });
      if (res.status !== 201) throw new Error(`POST /api/rooms → ${res.status} ${await res.text()}`);
      return (await res.json()) as CreateRoomResponse;
    },
    connect(auth) {
      const parser = auth.frames === 'packed' ? { parser: framesParser } : {};
      const s: TestSocket = io(url, { auth: { ...auth }, transports: ['websocket'], forceNew: true, reconnection: false, ...parser });
      sockets.push(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.close();
      await app.close();
      await engine.close();
    },
  };
}

/** Resolves with the first emission of `event`, or rejects after `ms`. */
export function once<T = unknown>(socket: TestSocket, event: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    (socket as unknown as { once: (e: string, f: (...a: unknown[]) => void) => void }).once(event, (...args) => {
      clearTimeout(timer);
      resolve((args.length > 1 ? args : args[0]) as T);
    });
  });
}

/** emitWithAck with a timeout, typed loosely so tests can send deliberately bad payloads. */
export function request<T = unknown>(socket: TestSocket, event: string, payload: unknown, ms = 10_000): Promise<T> {
  return (socket.timeout(ms) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<T> }).emitWithAck(event, payload);
}
