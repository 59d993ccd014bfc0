/**
 * Several training workers behind one handle. Each room lives on one worker for its whole life; a new room
 * goes to the worker hosting the fewest rooms. wasm has no threads in Node, so a second worker (with its own
 * tfjs) is how a second core trains: two busy rooms on two workers run in parallel.
 */
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import type { BackendPref } from '../backend/prefs.ts';
import { EngineClient, type EngineEvents } from './client.ts';
import type { ReplyResult, RequestBody } from './messages.ts';


export interface PoolOptions {
  backend: BackendPref;
  /** Worker threads; default: one per core, at most 4, at least 1. */
  workers?: number;
  /** Landscapes on a slice worker per training worker while a core is free (client.ts EngineOptions). */
  sliceWorker?: boolean;
  frameRate?: number;
  requestTimeoutMs?: number;
}

export function defaultWorkerCount(): number {
  const fromEnv = Number(process.env.GRADCAST_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class EnginePool extends EventEmitter<EngineEvents> {
  private readonly home = new Map<string, EngineClient>();
  private readonly load = new Map<EngineClient, number>();

  private constructor(private readonly workers: EngineClient[]) {
    super();
    for (const w of workers) {
      this.load.set(w, 0);
      w.on('frames', (...a) => this.emit('frames', ...a));
      w.on('log', (...a) => this.emit('log', ...a));
      w.on('forwarded', (...a) => this.emit('forwarded', ...a));
      w.on('exit', (code) => this.emit('exit', code));
    }
  }

  static async start(opts: PoolOptions): Promise<EnginePool> {
    const n = opts.workers ?? defaultWorkerCount();
    const started = await Promise.allSettled(Array.from({ length: n }, () => EngineClient.start(opts)));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
      throw failed.reason;
    }
    return new EnginePool(started.map((s) => (s as PromiseFulfilledResult<EngineClient>).value));
  }

  /** The backend every worker selected (they select alike). */
  get backend(): EngineClient['backend'] {
    return (this.workers[0] as EngineClient).backend;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Index of the worker hosting a room (for metrics and tests), or -1. */
  workerOf(roomId: string): number {
    const w = this.home.get(roomId);
    return w ? this.workers.indexOf(w) : -1;
  }

  async request(body: RequestBody): Promise<ReplyResult> {
    if (body.t === 'create') {
      const worker = [...this.load.entries()].sort((a, b) => a[1] - b[1])[0]![0];
      this.home.set(body.roomId, worker);
      this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
      try {
        return await worker.request(body);
      } catch (err) {
        this.forget(body.roomId);
        throw err;
      }
    }
    const worker = this.home.get(body.roomId);
    if (!worker) return (this.workers[0] as EngineClient).request(body);
    const result = await worker.request(body);
    if (body.t === 'destroy') this.forget(body.roomId);
    return result;
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private forget(roomId: string): void {
    const w = this.home.get(roomId);
    if (!w) return;
    this.home.delete(roomId);
    this.load.set(w, Math.max(0, (this.load.get(w) ?? 1) - 1));
  }
}
