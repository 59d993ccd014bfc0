/**
 * The rooms of this process: creation (the engine builds the trainer first, so a room never exists without
 * one), lookup, and the wiring of engine frames and status into each room's pacer and members.
 */
import { randomInt } from 'node:crypto';
import type { EncodedFrame, RunStatus } from '@gradcast/shared';
import type { Logger } from 'pino';
import type { EnginePool } from '../engine/pool.ts';
import type { Metrics } from '../metrics.ts';
import { getLesson } from '../lessons/catalogue.ts';
import type { GradcastServer } from './io.ts';
import { Pacer } from './pacer.ts';
import { newPresenterKey, newRoomId, Room } from './room.ts';

/** run:status goes out on every state or generation change, and otherwise at most this often (ms). */
const STATUS_INTERVAL_MS = 1000;

export class UnknownLessonError extends Error {}

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

export const DEFAULT_IDLE: IdlePolicy = { pauseAfterMs: 10 * 60_000, closeAfterMs: 24 * 3600_000, sweepMs: 30_000 };

interface Entry {
  /** Null while the engine builds the trainer: its first frames may arrive before the room exists. */
  room: Room | null;
  pacer: Pacer;
  lastStatusAt: number;
}

export class Rooms {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly io: GradcastServer,
    readonly engine: EnginePool,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly frameRate = 30,
    private readonly idle: IdlePolicy = DEFAULT_IDLE,
  ) {
    engine.on('frames', (roomId, frames, status) => this.onFrames(roomId, frames, status));
    this.sweeper = setInterval(() => void this.sweep(), idle.sweepMs);
    this.sweeper.unref();
  }

  private readonly sweeper: NodeJS.Timeout;

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
          const { status } = await this.engine.request({ t: 'control', roomId: room.id, action: 'pause' });
          room.idlePaused = true;
          this.publishStatus(room, status);
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
    const { status } = await this.engine.request({ t: 'control', roomId: room.id, action: 'play' });
    this.publishStatus(room, status);
    this.log.info({ roomId: room.id }, 'resumed a room on join');
  }

  /** Removes a room: its trainer, its pacer and its entry (members, if any, are disconnected). */
  async close(roomId: string): Promise<void> {
    const e = this.entries.get(roomId);
    if (!e) return;
    this.entries.delete(roomId);
    e.pacer.close();
    this.io.in(roomId).disconnectSockets(true);
    this.metrics.rooms.set(this.entries.size);
    await this.engine.request({ t: 'destroy', roomId }).catch(() => undefined);
  }

  async create(lessonId: string, title?: string, seed: number = randomInt(2 ** 31)): Promise<{ room: Room; presenterKey: string }> {
    const lesson = getLesson(lessonId);
    if (!lesson) throw new UnknownLessonError(`unknown lesson "${lessonId}"`);
    const roomId = newRoomId();
    const presenterKey = newPresenterKey();
    // Register first: the engine posts the first frames before it answers.
    const pacer = new Pacer(this.io, roomId, this.metrics, this.frameRate, (channels) => {
      this.engine.request({ t: 'channels', roomId, channels }).catch((err: unknown) => {
        this.log.warn({ err, roomId }, 'could not tell the engine which channels are watched');
      });
    });
    const entry: Entry = { room: null, pacer, lastStatusAt: 0 };
    this.entries.set(roomId, entry);
    try {
      const { status, hp, options } = await this.engine.request({ t: 'create', roomId, lessonId, seed, hp: {} });
      const room = new Room(roomId, title?.trim() || lesson.title, lesson, presenterKey, status, hp);
      room.options = options;
      entry.room = room;
    } catch (err) {
      this.entries.delete(roomId);
      pacer.close();
      throw err;
    }
    this.metrics.rooms.set(this.entries.size);
    this.log.info({ roomId, lesson: lessonId, seed }, 'room created');
    return { room: entry.room as Room, presenterKey };
  }

  pacer(roomId: string): Pacer | undefined {
    return this.entries.get(roomId)?.pacer;
  }

  get(roomId: string): Room | undefined {
    return this.entries.get(roomId)?.room ?? undefined;
  }

  list(): Room[] {
    return [...this.entries.values()].flatMap((e) => (e.room ? [e.room] : []));
  }

  /** Applies a status the engine returned (after a control or patch) and tells the room's members. */
  publishStatus(room: Room, status: RunStatus): void {
    const e = this.entries.get(room.id);
    room.status = status;
    if (e) e.lastStatusAt = Date.now();
    this.io.to(room.id).emit('run:status', status);
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    for (const e of this.entries.values()) e.pacer.close();
    this.entries.clear();
  }

  private onFrames(roomId: string, frames: EncodedFrame[], status: RunStatus): void {
    const e = this.entries.get(roomId);
    if (!e) return;
    e.pacer.push(frames);
    if (!e.room) return;
    const prev = e.room.status;
    e.room.status = status;
    this.metrics.stepsPerSecond.set({ room: roomId, lesson: e.room.lesson.id }, status.stepsPerSecond);
    const changed = prev.state !== status.state || prev.generation !== status.generation;
    const now = Date.now();
    if (changed) {
      e.lastStatusAt = now;
      this.io.to(roomId).emit('run:status', status);
    } else if (now - e.lastStatusAt >= STATUS_INTERVAL_MS) {
      e.lastStatusAt = now;
      this.io.to(roomId).volatile.emit('run:status', status);
    }
  }
}
