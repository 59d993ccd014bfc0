/**
 * The main thread's handle on the training worker. It starts the worker (worker-entry.mjs loads tsx, since the
 * server runs from TypeScript sources), turns requests into promises with a timeout, and re-emits frames. Training never
 * runs on this thread: a slow step cannot delay a viewer's socket.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { EncodedFrame, FastForwardEnded, RunStatus } from '@gradcast/shared';
import type { EvalEntry } from '../probe/metrics.ts';
import type { BackendPref } from '../backend/prefs.ts';
import { loadMnistArrays } from '../data/mnistArrays.ts';
import { FRAME_RATE } from '../probe/delivery.ts';
import { CoreBudget } from './coreBudget.ts';
import type { DataReply, DataRequest, EngineErrorCode, EngineRequest, ReplyResult, RequestBody, WorkerInit, WorkerMessage } from './messages.ts';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode | 'timeout' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** This process's count of busy cores, shared by every training worker and slice worker it starts. */
const PROCESS_CORES = new CoreBudget();

export interface EngineOptions {
  backend: BackendPref;
  /**
   * Landscapes compute on a slice worker (a thread of their own) while a core is free; default: when the host has
   * two cores or more, unless the environment sets GRADCAST_SLICE_WORKER=0.
   */
  sliceWorker?: boolean;
  /** Framing ticks per room per second, at most (default: delivery.ts FRAME_RATE). */
  frameRate?: number;
  /** Milliseconds a request may wait for its reply. */
  requestTimeoutMs?: number;
}

export interface EngineEvents {
  frames: [roomId: string, frames: EncodedFrame[], status: RunStatus, evaluations: EvalEntry[]];
  log: [level: 'info' | 'warn' | 'error', msg: string, roomId?: string];
  /** A room's fast-forward ended. */
  forwarded: [roomId: string, ended: FastForwardEnded];
  exit: [code: number];
}

export class EngineClient extends EventEmitter<EngineEvents> {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: ReplyResult) => void; reject: (e: EngineError) => void; timer: NodeJS.Timeout }
  >();
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    readonly backend: { name: string; kind: string; detail: string },
    private readonly timeoutMs: number,
  ) {
    super();
    worker.on('message', (msg: WorkerMessage) => this.onMessage(msg));
    worker.on('error', (err) => this.emit('log', 'error', `engine worker error: ${err.message}`));
    worker.on('exit', (code) => {
      this.exited = true;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new EngineError('unavailable', 'the training engine stopped'));
        this.pending.delete(id);
      }
      this.emit('exit', code);
    });
  }

  /** Starts a worker and resolves once its backend is ready; rejects with the worker's reason otherwise. */
  static start(opts: EngineOptions): Promise<EngineClient> {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: {
        backend: opts.backend,
        frameRate: opts.frameRate ?? FRAME_RATE,
        cores: PROCESS_CORES.buffer,
        sliceWorker: opts.sliceWorker ?? (process.env.GRADCAST_SLICE_WORKER !== '0' && PROCESS_CORES.cores >= 2),
      } satisfies WorkerInit,
    });
    return new Promise((resolve, reject) => {
      const early: WorkerMessage[] = [];
      const onMessage = (msg: WorkerMessage): void => {
        if (msg.t === 'ready') {
          worker.off('message', onMessage);
          worker.off('exit', onExit);
          const backend = { name: msg.backend, kind: msg.kind, detail: msg.detail };
          const client = new EngineClient(worker, backend, opts.requestTimeoutMs ?? 15_000);
          for (const m of early) client.onMessage(m);
          resolve(client);
        } else if (msg.t === 'fatal') {
          worker.off('exit', onExit);
          void worker.terminate();
          reject(new EngineError('unavailable', msg.message));
        } else {
          early.push(msg);
        }
      };
      const onExit = (code: number): void =>
        reject(new EngineError('unavailable', `the engine worker exited during start-up (code ${code})`));
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.once('error', (err) => reject(new EngineError('unavailable', err.message)));
    });
  }

  request(body: RequestBody): Promise<ReplyResult> {
    if (this.exited) return Promise.reject(new EngineError('unavailable', 'the training engine stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new EngineError('timeout', `the training engine did not answer "${body.t}" in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ ...body, id } as EngineRequest);
    });
  }

  async close(): Promise<void> {
    if (!this.exited) await this.worker.terminate();
  }

  /** Loads (once per process) and shares MNIST with the worker that asked; progress goes to the log. */
  private provideData(req: DataRequest): void {
    let shown = -1;
    loadMnistArrays(req.split, req.side, (fraction, message) => {
      const tenth = Math.floor(fraction * 10);
      if (tenth !== shown) this.emit('log', 'info', message);
      shown = tenth;
    }).then(
      (a) => this.worker.postMessage({ t: 'data', id: req.id, ok: true, ...a } satisfies DataReply),
      (err: unknown) =>
        this.worker.postMessage({ t: 'data', id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies DataReply),
    );
  }

  private onMessage(msg: WorkerMessage): void {
    switch (msg.t) {
      case 'reply': {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new EngineError(msg.code, msg.message));
        break;
      }
      case 'frames':
        this.emit('frames', msg.roomId, msg.frames, msg.status, msg.evaluations ?? []);
        break;
      case 'log':
        this.emit('log', msg.level, msg.msg, msg.roomId);
        break;
      case 'forwarded':
        this.emit('forwarded', msg.roomId, msg.ended);
        break;
      case 'data:get':
        this.provideData(msg);
        break;
      case 'ready':
      case 'fatal':
        break;
    }
  }
}
