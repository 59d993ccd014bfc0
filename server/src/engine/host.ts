/**
 * The engine proper: hosts one Trainer per room, steps them round-robin at their `speed`, applies
 * hyperparameter patches and run controls between steps, and posts encoded frames. It runs inside the
 * training worker (worker.ts), never on the socket thread; tests drive it in-process through `post`.
 *
 * Every message is handled between two steps (the thread is single-threaded), so a patch that arrives while
 * a step runs waits in the port and takes effect at the next step boundary.
 */
import {
  type Channel,
  type EncodedFrame,
  encodeFrame,
  type Frame,
  type RunStatus,
} from '@gradcast/shared';
import { DemoSession } from '../demo/demoSession.ts';
import { getDemoLesson, getTrainingLesson } from '../lessons/registry.ts';
import { RunError, Trainer } from '../train/trainer.ts';
import type { EngineRequest, ReplyResult, WorkerMessage } from './messages.ts';
import { Scheduler } from './scheduler.ts';

/** Channels that are not repeated every frame, so they must not be dropped: sent reliably. */
const STATIC_CHANNELS: ReadonlySet<Channel> = new Set(['surface', 'data', 'panels']);

interface HostedRoom {
  /** The room's training run, or its demo (which never trains). */
  trainer: Trainer | DemoSession;
  /** Every channel of the lesson: what a snapshot holds. */
  channels: ReadonlySet<Channel>;
  /**
   * The channels some member receives (the socket thread's subscriptions): live frames are computed for these
   * only, so views nobody has on screen cost no worker time. All of the lesson's until the first update.
   */
  live: ReadonlySet<Channel>;
  lastFramesAt: number;
  /** Steps completed in the current one-second window, and the rate measured over the last window. */
  windowStart: number;
  windowSteps: number;
  stepsPerSecond: number;
}

export type Post = (msg: WorkerMessage, transfer?: ArrayBuffer[]) => void;

export class EngineHost {
  private readonly rooms = new Map<string, HostedRoom>();
  private readonly scheduler = new Scheduler<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private closed = false;

  constructor(
    private readonly post: Post,
    private readonly frameRate = 30,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async handle(req: EngineRequest): Promise<void> {
    try {
      const result = req.t === 'create' ? await this.create(req) : this.dispatch(req);
      this.post({ t: 'reply', id: req.id, ok: true, result });
    } catch (err) {
      const code = err instanceof RunError ? err.code : err instanceof NotFound ? 'not_found' : 'internal';
      const message = err instanceof Error ? err.message : String(err);
      if (code === 'internal') this.post({ t: 'log', level: 'error', msg: `engine: ${message}` });
      this.post({ t: 'reply', id: req.id, ok: false, code, message });
    }
    this.wake();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    for (const r of this.rooms.values()) r.trainer.dispose();
    this.rooms.clear();
  }

  /** Builds a room's trainer, after loading what its lesson needs (MNIST: once per thread, with progress). */
  private async create(req: Extract<EngineRequest, { t: 'create' }>): Promise<ReplyResult> {
    if (this.rooms.has(req.roomId)) throw new RunError('conflict', `room ${req.roomId} already exists`);
    const demo = getDemoLesson(req.lessonId);
    if (demo) return this.host(req.roomId, new DemoSession(demo, req.seed), demo.info.channels);
    const lesson = getTrainingLesson(req.lessonId);
    if (!lesson) throw new NotFound(`no lesson ${req.lessonId}`);
    if (lesson.prepare) {
      let shown = -1;
      await lesson.prepare((fraction, message) => {
        const tenth = Math.floor(fraction * 10);
        if (tenth !== shown) this.post({ t: 'log', level: 'info', roomId: req.roomId, msg: message });
        shown = tenth;
      });
    }
    return this.host(req.roomId, new Trainer(lesson, req.seed, req.hp), lesson.info.channels);
  }

  private host(roomId: string, trainer: Trainer | DemoSession, channels: readonly Channel[]): ReplyResult {
    const room: HostedRoom = {
      trainer,
      channels: new Set(channels),
      live: new Set(channels),
      lastFramesAt: -Infinity,
      windowStart: this.now(),
      windowSteps: 0,
      stepsPerSecond: 0,
    };
    this.rooms.set(roomId, room);
    this.scheduler.add(roomId, trainer.hp.speed, trainer.state === 'running', this.now());
    this.emitFrames(roomId, room);
    return this.result(room);
  }

  private dispatch(req: Exclude<EngineRequest, { t: 'create' }>): ReplyResult {
    const room = this.rooms.get(req.roomId);
    if (!room) throw new NotFound(`room ${req.roomId} is not hosted by this engine`);
    const { trainer } = room;
    switch (req.t) {
      case 'destroy':
        this.scheduler.remove(req.roomId);
        this.rooms.delete(req.roomId);
        trainer.dispose();
        return this.result(room);
      case 'hp': {
        const { changes } = trainer.applyPatch(req.patch);
        this.scheduler.update(req.roomId, { speed: trainer.hp.speed }, this.now());
        this.emitFrames(req.roomId, room);
        return { ...this.result(room), changes };
      }
      case 'control':
        trainer.control(req.action);
        this.scheduler.update(req.roomId, { running: trainer.state === 'running' }, this.now());
        this.emitFrames(req.roomId, room);
        return this.result(room);
      case 'options': {
        const changes = trainer.setValues(req.values);
        this.scheduler.update(req.roomId, { running: trainer.state === 'running' }, this.now());
        this.emitFrames(req.roomId, room);
        return { ...this.result(room), changes };
      }
      case 'channels':
        room.live = new Set(req.channels.filter((c) => room.channels.has(c)));
        return this.result(room);
      case 'snapshot':
        return { ...this.result(room), frames: this.encode(trainer.frames(room.channels, true)) };
    }
  }

  private result(room: HostedRoom): ReplyResult {
    const t = room.trainer;
    return { status: this.status(room), hp: { ...t.hp }, ...(Object.keys(t.values).length ? { options: { ...t.values } } : {}) };
  }

  private status(room: HostedRoom): RunStatus {
    const t = room.trainer;
    return {
      state: t.state,
      step: t.step,
      generation: t.generation,
      start: t.generationStart,
      loss: t.lastLoss,
      stepsPerSecond: room.stepsPerSecond,
    };
  }

  private encode(frames: Frame[]): EncodedFrame[] {
    return frames.map((f) => ({
      channel: f.channel,
      generation: f.generation,
      step: f.step,
      bytes: encodeFrame(f),
      // A training lesson's views recur about once a second while it runs (meta.live): newest wins, like metrics.
      reliable: (STATIC_CHANNELS.has(f.channel) && f.meta.live !== true) || f.meta.full === true,
    }));
  }

  private emitFrames(roomId: string, room: HostedRoom): void {
    room.lastFramesAt = this.now();
    const frames = this.encode(room.trainer.frames(room.live));
    this.post(
      { t: 'frames', roomId, frames, status: this.status(room) },
      frames.map((f) => f.bytes),
    );
  }

  /** Schedules the loop: immediately when a room is due, after a timeout when the next one is paced. */
  private wake(): void {
    if (this.closed || this.immediate) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.immediate = setImmediate(this.tick);
  }

  private readonly tick = (): void => {
    this.immediate = null;
    if (this.closed) return;
    const now = this.now();
    const next = this.scheduler.next(now);
    if ('key' in next) {
      this.stepRoom(next.key);
      // setImmediate, not a loop: lets queued messages (patches, controls) in between two steps.
      this.immediate = setImmediate(this.tick);
    } else if (next.waitMs !== null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.tick();
      }, Math.max(0, next.waitMs));
    }
  };

  private stepRoom(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    const { trainer } = room;
    try {
      trainer.trainStep();
    } catch (err) {
      trainer.state = 'paused';
      const msg = err instanceof Error ? err.message : String(err);
      this.post({ t: 'log', level: 'error', roomId, msg: `training step failed, run paused: ${msg}` });
    }
    if (trainer instanceof Trainer) {
      for (const msg of trainer.errors.splice(0)) this.post({ t: 'log', level: 'warn', roomId, msg });
    }
    const now = this.now();
    this.scheduler.stepped(roomId, now);
    room.windowSteps += 1;
    if (now - room.windowStart >= 1000) {
      room.stepsPerSecond = (room.windowSteps * 1000) / (now - room.windowStart);
      room.windowStart = now;
      room.windowSteps = 0;
    }
    const stopped = trainer.state !== 'running';
    if (stopped) this.scheduler.update(roomId, { running: false }, now);
    if (stopped || now - room.lastFramesAt >= 1000 / this.frameRate) this.emitFrames(roomId, room);
  }
}

class NotFound extends Error {}

