/**
 * The engine proper: hosts one Session per room (a Trainer, or a demo's session), steps the running ones
 * round-robin at their `speed`, applies hyperparameter patches, run controls and option changes between steps,
 * and posts each room's frames (made by the room's Framer, as delivery.ts says) with its status. It runs inside
 * the training worker (worker.ts), never on the socket thread; tests drive it in-process through `post`.
 *
 * Every message is handled between two steps (the thread is single-threaded), so a patch that arrives while
 * a step runs waits in the port and takes effect at the next step boundary.
 */
import { type Channel, type EncodedFrame, encodeFrame, type FastForwardEnded, type Frame, type RunStatus } from '@gradcast/shared';
import { DemoSession } from '../demo/demoSession.ts';
import { getDemoLesson, getTrainingLesson } from '../lessons/registry.ts';
import { channelsToFrame, FRAME_RATE, frameInterval, IDLE_SLOT_MS, isReliable, LANDSCAPE_CREDIT_MS, LANDSCAPE_SHARE, watchedAtFirst } from '../probe/delivery.ts';
import type { Framer } from '../probe/framer.ts';
import type { RemoteCompute } from '../probe/landscape/compute.ts';
import { TimeShare } from '../probe/landscape/timeShare.ts';
import { TrainerFrames } from '../probe/trainerFrames.ts';
import { RunError, type Session } from '../train/session.ts';
import { Trainer } from '../train/trainer.ts';
import type { CoreBudget } from './coreBudget.ts';
import { FastForward, resolveTarget } from './fastForward.ts';
import type { EngineRequest, ReplyResult, WorkerMessage } from './messages.ts';
import { exploreFrame } from './explore.ts';
import { Scheduler } from './scheduler.ts';

interface HostedRoom {
  /** The room's training run, or its demo (which never runs). */
  session: Session;
  /** What makes its frames. */
  framer: Framer;
  /** The lesson's channels, and whether it trains (delivery.ts channelsToFrame). */
  lesson: { channels: readonly Channel[]; trains: boolean };
  /**
   * The channels some member receives (the socket thread's subscriptions): costly channels nobody watches are not
   * made, so views nobody has on screen cost no worker time. Until the first update, delivery.ts watchedAtFirst.
   */
  watched: ReadonlySet<Channel>;
  lastFramesAt: number;
  /** How the room's thread time is split between its steps and its framer's background work, when it has any. */
  share: TimeShare | null;
  /** Steps completed in the current one-second window, and the rate measured over the last window. */
  windowStart: number;
  windowSteps: number;
  stepsPerSecond: number;
  /** The fast-forward under way (fastForward.ts): the room then steps unpaced, whatever its speed. */
  forward: FastForward | null;
}

export type Post = (msg: WorkerMessage, transfer?: ArrayBuffer[]) => void;

export class EngineHost {
  private readonly rooms = new Map<string, HostedRoom>();
  private readonly scheduler = new Scheduler<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private closed = false;
  /** Whose turn it is for idle background work (rooms in turn). */
  private idleTurn = 0;

  /** Whether this thread counts as training in the process's core budget (it has a running room). */
  private training = false;

  constructor(
    private readonly post: Post,
    private readonly frameRate = FRAME_RATE,
    private readonly now: () => number = () => performance.now(),
    private readonly offThread: {
      /** Where landscapes compute while a core is free (the slice worker); without it, on this thread. */
      remote?: RemoteCompute | null;
      /** The process's count of busy cores: this thread counts one while it has a running room. */
      cores?: CoreBudget | null;
    } = {},
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
    for (const r of this.rooms.values()) {
      r.framer.background?.dispose();
      r.session.dispose();
    }
    this.rooms.clear();
    this.setTraining(false);
  }

  /** Builds a room's session, after loading what its lesson needs (MNIST: once per thread, with progress). */
  private async create(req: Extract<EngineRequest, { t: 'create' }>): Promise<ReplyResult> {
    if (this.rooms.has(req.roomId)) throw new RunError('conflict', `room ${req.roomId} already exists`);
    const demo = getDemoLesson(req.lessonId);
    if (demo) {
      const session = new DemoSession(demo, req.seed);
      return this.host(req.roomId, session, session, demo.info);
    }
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
    const trainer = new Trainer(lesson, req.seed, req.hp);
    const framer = new TrainerFrames(trainer, this.now, { remote: this.offThread.remote ?? null, wake: () => this.wake() });
    return this.host(req.roomId, trainer, framer, lesson.info);
  }

  private host(roomId: string, session: Session, framer: Framer, info: HostedRoom['lesson']): ReplyResult {
    const room: HostedRoom = {
      session,
      framer,
      lesson: { channels: info.channels, trains: info.trains },
      watched: watchedAtFirst(info.channels),
      lastFramesAt: -Infinity,
      share: framer.background ? new TimeShare(LANDSCAPE_SHARE, LANDSCAPE_CREDIT_MS) : null,
      windowStart: this.now(),
      windowSteps: 0,
      stepsPerSecond: 0,
      forward: null,
    };
    this.rooms.set(roomId, room);
    this.scheduler.add(roomId, session.hp.speed, session.status().state === 'running', this.now());
    this.emitFrames(roomId, room);
    return this.result(room);
  }

  private dispatch(req: Exclude<EngineRequest, { t: 'create' }>): ReplyResult {
    const room = this.rooms.get(req.roomId);
    if (!room) throw new NotFound(`room ${req.roomId} is not hosted by this engine`);
    const { session } = room;
    switch (req.t) {
      case 'destroy':
        this.scheduler.remove(req.roomId);
        this.rooms.delete(req.roomId);
        room.framer.background?.dispose();
        session.dispose();
        return this.result(room);
      case 'hp': {
        const { changes } = session.applyPatch(req.patch);
        this.cancelForwardIfRestarted(req.roomId, room, 'the model was rebuilt');
        this.scheduler.update(req.roomId, { speed: this.pace(room) }, this.now());
        this.emitFrames(req.roomId, room);
        return { ...this.result(room), changes };
      }
      case 'control':
        session.control(req.action);
        this.cancelForward(req.roomId, room, `cancelled by ${req.action}`);
        this.scheduler.update(req.roomId, { running: session.status().state === 'running' }, this.now());
        this.emitFrames(req.roomId, room);
        return this.result(room);
      case 'options': {
        const changes = session.setValues(req.values);
        this.cancelForwardIfRestarted(req.roomId, room, 'the run restarted');
        this.scheduler.update(req.roomId, { running: session.status().state === 'running' }, this.now());
        this.emitFrames(req.roomId, room);
        return { ...this.result(room), changes };
      }
      case 'forward':
        return this.startForward(req, room);
      case 'channels':
        room.watched = new Set(req.channels.filter((c) => room.lesson.channels.includes(c)));
        // Frames now: a channel nobody watches any more stops its background work at once, even while paused.
        this.emitFrames(req.roomId, room);
        return this.result(room);
      case 'latest': {
        const channels = new Set(req.channels.filter((c) => room.lesson.channels.includes(c)));
        return { ...this.result(room), frames: this.encode(room.framer.frames(channels, true)) };
      }
      case 'hold':
        // Blocks this thread as a long step would: messages wait in the port meanwhile.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, req.ms));
        return this.result(room);
      case 'explore':
        return { ...this.result(room), own: this.encode([exploreFrame(session, req.values)]) };
    }
  }

  private result(room: HostedRoom): ReplyResult {
    const s = room.session;
    return { status: this.status(room), hp: { ...s.hp }, ...(Object.keys(s.values).length ? { options: { ...s.values } } : {}) };
  }

  private status(room: HostedRoom): RunStatus {
    return { ...room.session.status(), stepsPerSecond: room.stepsPerSecond, ...(room.forward ? { forward: room.forward.status } : {}) };
  }

  /** The rate the scheduler steps a room at: unpaced while it fast-forwards, else its own speed. */
  private pace(room: HostedRoom): number {
    return room.forward ? 0 : room.session.hp.speed;
  }

  /**
   * Starts a fast-forward: validated against the run as it is now (a RunError changes nothing), it replaces one
   * under way, plays the run and steps it unpaced until stepRoom finds the target reached.
   */
  private startForward(req: Extract<EngineRequest, { t: 'forward' }>, room: HostedRoom): ReplyResult {
    const { session } = room;
    if (!room.lesson.trains || !session.stepsPerEpoch) throw new RunError('invalid', 'this lesson is a demo: it has no run to fast-forward');
    const { state, step, generation } = session.status();
    if (state === 'diverged') throw new RunError('conflict', 'the run diverged: revert to the last finite checkpoint or reset first');
    const target = resolveTarget(req.target, step, session.stepsPerEpoch());
    this.cancelForward(req.roomId, room, 'replaced by a new fast-forward');
    session.control('play');
    room.forward = new FastForward({ from: step, ...target, by: req.by }, generation, this.now());
    this.scheduler.update(req.roomId, { running: true, speed: 0 }, this.now());
    this.emitFrames(req.roomId, room);
    return this.result(room);
  }

  /** Ends the room's fast-forward, if any, and tells the room at once (`cancelled`, `why`). */
  private cancelForward(roomId: string, room: HostedRoom, why: string): void {
    const ended = this.endForward(roomId, room, 'cancelled', why);
    if (ended) this.post({ t: 'forwarded', roomId, ended });
  }

  /** A new generation (reset, revert, restarting option, rebuild) ends a fast-forward of the old one. */
  private cancelForwardIfRestarted(roomId: string, room: HostedRoom, why: string): void {
    if (room.forward && room.session.status().generation !== room.forward.generation) this.cancelForward(roomId, room, why);
  }

  /** Clears the room's fast-forward and gives the room its own pace back; returns what to tell the room. */
  private endForward(roomId: string, room: HostedRoom, outcome: FastForwardEnded['outcome'], reason?: string): FastForwardEnded | null {
    const forward = room.forward;
    if (!forward) return null;
    room.forward = null;
    this.scheduler.update(roomId, { speed: room.session.hp.speed }, this.now());
    return forward.end(outcome, room.session.status(), this.now(), reason);
  }

  /**
   * After each step of a fast-forwarding room: at the target, pause (exactly there: one step at a time) and end it
   * `done`; a run that stopped before it (diverged, a failed step, the lesson's "pause after epoch") ends it `stopped`.
   */
  private forwardAfterStep(roomId: string, room: HostedRoom): FastForwardEnded | null {
    const forward = room.forward;
    if (!forward) return null;
    const { state, step } = room.session.status();
    if (state !== 'diverged' && forward.reached(step)) {
      if (state === 'running') room.session.control('pause');
      return this.endForward(roomId, room, 'done');
    }
    if (state === 'running') return null;
    const why = state === 'diverged' ? `the run diverged at step ${step}` : `the run paused at step ${step}, before step ${forward.to}`;
    return this.endForward(roomId, room, 'stopped', why);
  }

  private encode(frames: Frame[]): EncodedFrame[] {
    return frames.map((f) => ({ channel: f.channel, generation: f.generation, step: f.step, bytes: encodeFrame(f), reliable: isReliable(f) }));
  }

  private emitFrames(roomId: string, room: HostedRoom): void {
    room.lastFramesAt = this.now();
    const frames = this.encode(room.framer.frames(channelsToFrame(room.lesson, room.watched)));
    const evaluations = room.framer.evaluations();
    this.post(
      { t: 'frames', roomId, frames, status: this.status(room), ...(evaluations.length ? { evaluations } : {}) },
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
    this.setTraining('key' in next || next.waitMs !== null);
    if ('key' in next) {
      this.stepRoom(next.key);
      // setImmediate, not a loop: lets queued messages (patches, controls) in between two steps.
      this.immediate = setImmediate(this.tick);
    } else if (this.idleWork(next.waitMs)) {
      this.immediate = setImmediate(this.tick);
    } else if (next.waitMs !== null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.tick();
      }, Math.max(0, next.waitMs));
    }
  };

  /**
   * Idle time (no step due for `waitMs`, null: none at all) goes to one room's background work, rooms taking turns;
   * what runs past the next due step is charged to that room's share. False when no room has any.
   */
  private idleWork(waitMs: number | null): boolean {
    const ids = [...this.rooms.keys()];
    const turn = ids.length ? this.idleTurn++ % ids.length : 0;
    for (const id of [...ids.slice(turn), ...ids.slice(0, turn)]) {
      const room = this.rooms.get(id) as HostedRoom;
      const work = room.framer.background;
      if (!work?.pending()) continue;
      const slot = Math.min(IDLE_SLOT_MS, waitMs ?? IDLE_SLOT_MS);
      const t0 = this.now();
      const fresh = work.run(slot);
      const took = this.now() - t0;
      if (waitMs !== null && took > waitMs) room.share?.spent(took - waitMs);
      // A paused room frames only on requests: its new slice goes now. A running one's goes at its next tick.
      if (fresh && (room.session.status().state !== 'running' || this.now() - room.lastFramesAt >= frameInterval(this.frameRate))) {
        this.emitFrames(id, room);
      }
      return true;
    }
    return false;
  }

  private stepRoom(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    const { session } = room;
    const stepStart = this.now();
    try {
      session.trainStep();
    } catch (err) {
      session.control('pause');
      const msg = err instanceof Error ? err.message : String(err);
      this.post({ t: 'log', level: 'error', roomId, msg: `training step failed, run paused: ${msg}` });
    }
    for (const msg of session.takeErrors()) this.post({ t: 'log', level: 'warn', roomId, msg });
    this.backgroundAfterStep(room, this.now() - stepStart);
    const now = this.now();
    this.scheduler.stepped(roomId, now);
    room.windowSteps += 1;
    if (now - room.windowStart >= 1000) {
      room.stepsPerSecond = (room.windowSteps * 1000) / (now - room.windowStart);
      room.windowStart = now;
      room.windowSteps = 0;
    }
    const forwarded = this.forwardAfterStep(roomId, room);
    const stopped = session.status().state !== 'running';
    if (stopped) this.scheduler.update(roomId, { running: false }, now);
    if (stopped || now - room.lastFramesAt >= frameInterval(this.frameRate)) this.emitFrames(roomId, room);
    // After the frames of its last step: members see the run at the target as they hear the notice.
    if (forwarded) this.post({ t: 'forwarded', roomId, ended: forwarded });
  }

  private setTraining(busy: boolean): void {
    if (busy === this.training) return;
    this.training = busy;
    this.offThread.cores?.training(busy);
  }

  /** A room's background work after one of its steps: its share of the step's time (delivery.ts LANDSCAPE_SHARE). */
  private backgroundAfterStep(room: HostedRoom, stepMs: number): void {
    const work = room.framer.background;
    if (!work || !room.share) return;
    work.stepped();
    // Time is earned only while there is work: no burst after a stretch with nothing to do.
    if (!work.pending()) return;
    const budget = room.share.afterStep(stepMs);
    const t0 = this.now();
    // With no budget left it still sends work off the thread and takes what came back (none of this thread's time).
    work.run(Math.max(0, budget));
    room.share.spent(this.now() - t0);
  }
}

class NotFound extends Error {}

