/**
 * The rooms of this process: creation (the engine builds the session first, so a room is listed only once it has
 * one), lookup, the idle policy, and the wiring between the engine and each room: every engine report (a framing
 * tick, a reply) goes to the room's one writer (Room.apply), then the frames to its pacer and the status to its
 * members.
 */
import { randomInt } from 'node:crypto';
import { type EncodedFrame, type FastForwardEnded, PRESENCE_INTERVAL_MS, type RunStatus } from '@gradcast/shared';
import type { Logger } from 'pino';
import type { ReplyResult, RequestBody } from '../engine/messages.ts';
import type { EnginePool } from '../engine/pool.ts';
import type { Metrics } from '../metrics.ts';
import { getLesson } from '../lessons/catalogue.ts';
import { FRAME_RATE, STATUS_INTERVAL_MS } from '../probe/delivery.ts';
import type { EvalEntry } from '../probe/metrics.ts';
import type { GradcastServer } from './io.ts';
import { Coalescer } from './coalescer.ts';
import { JoinCodes } from './joinCodes.ts';
import { Pacer } from './pacer.ts';
import { newPresenterKey, newRoomId, Room } from './room.ts';

export class UnknownLessonError extends Error {}

/** How often run:status goes (volatile) while a fast-forward runs (run:fastForward), ms: its progress 4 times a second. */
export const FORWARD_STATUS_MS = 250;

/**
 * What happens to rooms nobody watches: a running one is paused after `pauseAfterMs` without members (a lab's
 * forgotten rooms must not burn the cores), and the room is closed after `closeAfterMs` (its URLs stop
 * working). Checked every `sweepMs`.
 */
export interface IdlePolicy {
  pauseAfterMs: number;
  closeAfterMs: number;
  sweepMs: number;
}

/** A room's member cap unless GRADCAST_MAX_MEMBERS says otherwise: a lecture hall of 2,000 and its presenters. */
export const DEFAULT_MAX_MEMBERS = 2500;

export const DEFAULT_IDLE: IdlePolicy = { pauseAfterMs: 10 * 60_000, closeAfterMs: 24 * 3600_000, sweepMs: 30_000 };

interface Entry {
  room: Room;
  pacer: Pacer;
  /** False while the engine builds the session: its first frames may arrive before it answers. */
  ready: boolean;
  lastStatusAt: number;
  /** room:members, at most one per PRESENCE_INTERVAL_MS (publishMembers). */
  presence: Coalescer;
}

export class Rooms {
  private readonly entries = new Map<string, Entry>();
  /** Each live room's short join code (`/j/<code>`): issued once the room is ready, dropped when it closes. */
  readonly joinCodes = new JoinCodes();

  constructor(
    private readonly io: GradcastServer,
    readonly engine: EnginePool,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly frameRate = FRAME_RATE,
    private readonly idle: IdlePolicy = DEFAULT_IDLE,
    /** Most members of one room; past it a joiner is refused (the presenter always gets in). */
    readonly maxMembers = DEFAULT_MAX_MEMBERS,
  ) {
    engine.on('frames', (roomId, frames, status, evaluations) => this.onFrames(roomId, frames, status, evaluations));
    engine.on('forwarded', (roomId, ended) => this.onForwarded(roomId, ended));
    this.sweeper = setInterval(() => void this.sweep(), idle.sweepMs);
    this.sweeper.unref();
  }

  private readonly sweeper: NodeJS.Timeout;

  /**
   * Asks the engine about `room` and applies its reply to the room (Room.apply) before handing it back: the only way
   * handlers and the idle policy reach the engine, so the room's state always has one writer.
   */
  async request(room: Room, body: RequestBody): Promise<ReplyResult> {
    const result = await this.engine.request(body);
    room.apply(result);
    return result;
  }

  /** Pauses running rooms that have been empty too long, and closes rooms empty for longer still. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const room of this.list()) {
      if (room.emptySince === null) continue;
      const empty = now - room.emptySince;
      try {
        if (empty >= this.idle.closeAfterMs) {
          await this.close(room.id);
          this.log.info({ roomId: room.id, emptyMinutes: Math.round(empty / 60_000) }, 'closed an empty room');
        } else if (empty >= this.idle.pauseAfterMs && room.status.state === 'running') {
          await this.request(room, { t: 'control', roomId: room.id, action: 'pause' });
          room.idlePaused = true;
          this.publishStatus(room);
          this.log.info({ roomId: room.id, emptyMinutes: Math.round(empty / 60_000) }, 'paused a room nobody watches');
        }
      } catch (err) {
        this.log.warn({ err, roomId: room.id }, 'idle sweep failed');
      }
    }
  }

  /** Resumes a room the idle sweep paused, when a member arrives. */
  async wake(room: Room): Promise<void> {
    if (!room.idlePaused) return;
    room.idlePaused = false;
    await this.request(room, { t: 'control', roomId: room.id, action: 'play' });
    this.publishStatus(room);
    this.log.info({ roomId: room.id }, 'resumed a room on join');
  }

  /** Removes a room: its session, its pacer and its entry (members, if any, are disconnected). */
  async close(roomId: string): Promise<void> {
    const e = this.entries.get(roomId);
    if (!e) return;
    this.entries.delete(roomId);
    this.joinCodes.drop(roomId);
    e.pacer.close();
    e.presence.cancel();
    this.io.in(roomId).disconnectSockets(true);
    this.metrics.rooms.set(this.entries.size);
    await this.engine.request({ t: 'destroy', roomId }).catch(() => undefined);
  }

  async create(lessonId: string, title?: string, seed: number = randomInt(2 ** 31)): Promise<{ room: Room; presenterKey: string }> {
    const lesson = getLesson(lessonId);
    if (!lesson) throw new UnknownLessonError(`unknown lesson "${lessonId}"`);
    const roomId = newRoomId();
    const presenterKey = newPresenterKey();
    const room = new Room(roomId, title?.trim() || lesson.title, lesson, presenterKey);
    // Register first: the engine posts the first frames before it answers.
    const pacer = new Pacer(this.io, roomId, this.metrics, this.frameRate, (channels) => {
      this.engine.request({ t: 'channels', roomId, channels }).catch((err: unknown) => {
        this.log.warn({ err, roomId }, 'could not tell the engine which channels are watched');
      });
    });
    const entry: Entry = { room, pacer, ready: false, lastStatusAt: 0, presence: new Coalescer(PRESENCE_INTERVAL_MS) };
    this.entries.set(roomId, entry);
    try {
      await this.request(room, { t: 'create', roomId, lessonId, seed, hp: {} });
      entry.ready = true;
      this.joinCodes.issue(roomId);
    } catch (err) {
      this.entries.delete(roomId);
      pacer.close();
      throw err;
    }
    this.metrics.rooms.set(this.entries.size);
    this.log.info({ roomId, lesson: lessonId, seed }, 'room created');
    return { room, presenterKey };
  }

  pacer(roomId: string): Pacer | undefined {
    return this.entries.get(roomId)?.pacer;
  }

  get(roomId: string): Room | undefined {
    const e = this.entries.get(roomId);
    return e?.ready ? e.room : undefined;
  }

  /** Rooms held, those still being created included (what a cap on rooms counts). */
  get size(): number {
    return this.entries.size;
  }

  list(): Room[] {
    return [...this.entries.values()].flatMap((e) => (e.ready ? [e.room] : []));
  }

  /** Tells the room's members its status as it stands (after a control, an option change, the idle policy). */
  publishStatus(room: Room): void {
    const e = this.entries.get(room.id);
    if (e) e.lastStatusAt = Date.now();
    this.io.to(room.id).emit('run:status', room.status);
  }

  /**
   * Tells every member who is here (MembersUpdate: the count and the people who matter), at most once per
   * PRESENCE_INTERVAL_MS: a storm of joins costs each member a few small updates a second, not one per join. With
   * `rights` (a lock or unlock) it goes at once, and each member also hears its own rights.
   */
  publishMembers(room: Room, rights = false): void {
    const e = this.entries.get(room.id);
    if (!e) return;
    const send = (): void => this.sendMembers(room);
    if (!rights) return e.presence.schedule(send);
    e.presence.flush(send);
    for (const m of room.members.values()) this.io.to(m.socketId).emit('room:you', room.info(m));
  }

  private sendMembers(room: Room): void {
    this.io.to(room.id).emit('room:members', { viewers: room.viewers, locked: room.locked, members: room.shownMembers() });
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    for (const e of this.entries.values()) {
      e.pacer.close();
      e.presence.cancel();
    }
    this.entries.clear();
    this.joinCodes.clear();
  }

  /** A fast-forward ended (run:fastForward): every member hears how, reliably, after the status of its last step. */
  private onForwarded(roomId: string, ended: FastForwardEnded): void {
    if (!this.entries.get(roomId)?.ready) return;
    this.io.to(roomId).emit('run:fastForwarded', ended);
    this.log.info({ roomId, ...ended }, 'fast-forward ended');
  }

  private onFrames(roomId: string, frames: EncodedFrame[], status: RunStatus, evaluations: EvalEntry[]): void {
    const e = this.entries.get(roomId);
    if (!e) return;
    const prev = e.room.status;
    e.room.apply({ status, frames, evaluations });
    e.pacer.push(frames);
    if (!e.ready) return;
    this.metrics.stepsPerSecond.set({ room: roomId, lesson: e.room.lesson.id }, status.stepsPerSecond);
    // A fast-forward starting or ending is a change too; while one runs, its progress goes more often.
    const changed = prev.state !== status.state || prev.generation !== status.generation || !prev.forward !== !status.forward;
    const now = Date.now();
    if (changed) {
      e.lastStatusAt = now;
      this.io.to(roomId).emit('run:status', status);
    } else if (now - e.lastStatusAt >= (status.forward ? FORWARD_STATUS_MS : STATUS_INTERVAL_MS)) {
      e.lastStatusAt = now;
      this.io.to(roomId).volatile.emit('run:status', status);
    }
  }
}
