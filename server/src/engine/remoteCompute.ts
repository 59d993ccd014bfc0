/**
 * The training worker's side of its slice worker (sliceWorker.ts): the RemoteCompute that the live landscapes of
 * its rooms use while a core is free. The worker thread starts at the first use; while it has work in flight it
 * holds one core of the process's CoreBudget, and it offers nothing when no core is free (the landscape then
 * computes on the training thread, in its share of the time). If the slice worker fails, everything in flight is
 * handed back (slices end, losses come back as null: computed locally) and nothing more is offered.
 */
import { Worker } from 'node:worker_threads';
import type { BackendPref } from '../backend/prefs.ts';
import type { RemoteCompute, SliceRequest, SliceTask } from '../probe/landscape/compute.ts';
import type { ParamArrays } from '../probe/landscape/paramArrays.ts';
import type { SliceLevel } from '../probe/landscape/slice.ts';
import { sourceSpec, statsOf } from '../probe/landscape/sourceSpec.ts';
import type { LandscapeSource } from '../train/landscapeSource.ts';
import type { CoreBudget } from './coreBudget.ts';
import { SOURCE_SLOTS, type SliceWorkerMessage, type SliceWorkerRequest } from './sliceMessages.ts';

interface RemoteSlice {
  arrived: SliceLevel[];
  /** The last level arrived, or the slice ended without it (failure). */
  ended: boolean;
  wake: () => void;
}

export class SliceWorkerClient implements RemoteCompute {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private nextKey = 1;
  private readonly keys = new WeakMap<LandscapeSource, number>();
  /** Keys sent, oldest first: the slice worker holds these (sliceMessages.ts SOURCE_SLOTS). */
  private readonly held: number[] = [];
  private readonly slices = new Map<number, RemoteSlice>();
  private readonly losses = new Map<number, (loss: number | null, ms: number) => void>();
  private holdsCore = false;
  /** Slices sent to the slice worker so far (benchmarks report whether it was used). */
  slicesSent = 0;

  constructor(
    private readonly backend: BackendPref,
    private readonly cores: CoreBudget,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  slice(source: LandscapeSource, request: SliceRequest, wake: () => void): SliceTask | null {
    if (!this.offer()) return null;
    const id = this.nextId++;
    this.slicesSent += 1;
    const remote: RemoteSlice = { arrived: [], ended: false, wake };
    this.slices.set(id, remote);
    const { plane } = request;
    this.send({
      t: 'slice',
      id,
      key: this.keyOf(source),
      stats: statsOf(source),
      plane: { centre: [...plane.centre], d1: [...plane.d1], d2: [...plane.d2] },
      range: request.range,
      ...(request.levels ? { levels: [...request.levels] } : {}),
    });
    let handedAll = false;
    return {
      poll: () => {
        const levels = remote.arrived.splice(0);
        if (remote.ended) handedAll = true;
        return levels;
      },
      get done() {
        return handedAll;
      },
      get ready() {
        return remote.arrived.length > 0 || (remote.ended && !handedAll);
      },
      dispose: () => {
        handedAll = true;
        if (this.slices.delete(id) && !remote.ended) this.send({ t: 'cancel', id });
        this.settle();
      },
    };
  }

  loss(source: LandscapeSource, values: ParamArrays, done: (loss: number | null, ms: number) => void): boolean {
    if (!this.offer()) return false;
    const id = this.nextId++;
    this.losses.set(id, done);
    this.send({ t: 'loss', id, key: this.keyOf(source), stats: statsOf(source), values: [...values] });
    return true;
  }

  close(): void {
    this.failed = true;
    void this.worker?.terminate();
    this.worker = null;
    this.handBack();
  }

  /** Whether work may go to the slice worker now: it has not failed, and it holds (or can claim) a free core. */
  private offer(): boolean {
    if (this.failed) return false;
    if (!this.holdsCore) {
      if (!this.cores.claim()) return false;
      this.holdsCore = true;
    }
    this.worker ??= this.start();
    return true;
  }

  /** Gives the core back once nothing is in flight. */
  private settle(): void {
    if (this.holdsCore && !this.slices.size && !this.losses.size) {
      this.holdsCore = false;
      this.cores.release();
    }
  }

  private start(): Worker {
    const worker = new Worker(new URL('./slice-worker-entry.mjs', import.meta.url), { workerData: { backend: this.backend } });
    worker.on('message', (msg: SliceWorkerMessage) => this.onMessage(msg));
    worker.on('error', (err) => this.fail(`slice worker error: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.failed) this.fail(`slice worker exited (${code})`);
    });
    // It must not keep the process alive on its own.
    worker.unref();
    return worker;
  }

  private onMessage(msg: SliceWorkerMessage): void {
    switch (msg.t) {
      case 'ready':
        return;
      case 'fatal':
        return this.fail(`slice worker could not start: ${msg.message}`);
      case 'level': {
        const s = this.slices.get(msg.id);
        if (!s) return;
        s.arrived.push(msg.level);
        if (msg.done) this.end(msg.id, s);
        s.wake();
        return;
      }
      case 'loss': {
        const done = this.losses.get(msg.id);
        this.losses.delete(msg.id);
        done?.(msg.loss, msg.ms);
        this.settle();
        return;
      }
      case 'error': {
        this.log(`slice worker: ${msg.message}`);
        const s = this.slices.get(msg.id);
        if (s) {
          this.end(msg.id, s);
          s.wake();
        }
        const done = this.losses.get(msg.id);
        this.losses.delete(msg.id);
        done?.(null, 0);
        this.settle();
      }
    }
  }

  private end(id: number, s: RemoteSlice): void {
    s.ended = true;
    this.slices.delete(id);
    this.settle();
  }

  private fail(message: string): void {
    this.log(`${message}; landscapes are computed on the training thread from now on`);
    this.failed = true;
    this.worker = null;
    this.handBack();
  }

  /** Everything in flight ends: slices without their last levels, losses as null (computed locally). */
  private handBack(): void {
    for (const [id, s] of this.slices) {
      this.end(id, s);
      s.wake();
    }
    for (const done of this.losses.values()) done(null, 0);
    this.losses.clear();
    this.settle();
  }

  /** The source's key, sent first when the slice worker does not hold it. */
  private keyOf(source: LandscapeSource): number {
    const known = this.keys.get(source);
    if (known !== undefined && this.held.includes(known)) return known;
    const key = this.nextKey++;
    this.keys.set(source, key);
    this.send({ t: 'source', key, spec: sourceSpec(source) });
    this.held.push(key);
    if (this.held.length > SOURCE_SLOTS) this.held.shift();
    return key;
  }

  private send(msg: SliceWorkerRequest): void {
    this.worker?.postMessage(msg);
  }
}
