/**
 * The rooms of this process: creation (the engine builds the trainer first, so a room never exists without
 * one), lookup, and the wiring of engine frames and status into each room's pacer and members.
 */
import { randomInt } from 'node:crypto';
import type { EncodedFrame, RunStatus } from '@gradcast/shared';
import type { Logger } from 'pino';
import type { EnginePool } from '../engine/pool.ts';
import type { Metrics } from '../http/metrics.ts';
import { getLesson } from '../lessons/index.ts';
import type { GradcastServer } from './io.ts';
import { Pacer } from './pacer.ts';
import { newPresenterKey, newRoomId, Room } from './room.ts';

/** run:status goes out on every state or generation change, and otherwise at most this often (ms). */
const STATUS_INTERVAL_MS = 1000;

export class UnknownLessonError extends Error {}

interface Entry {
  room: Room;
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
  ) {
    engine.on('frames', (roomId, frames, status) => this.onFrames(roomId, frames, status));
  }

  async create(lessonId: string, title?: string, seed: number = randomInt(2 ** 31)): Promise<{ room: Room; presenterKey: string }> {
    const lesson = getLesson(lessonId);
    if (!lesson) throw new UnknownLessonError(`unknown lesson "${lessonId}"`);
    const roomId = newRoomId();
    const presenterKey = newPresenterKey();
    // Register first: the engine posts the first frames before it answers.
    const pacer = new Pacer(this.io, roomId, this.metrics, this.frameRate);
    const entry: Entry = { room: null as unknown as Room, pacer, lastStatusAt: 0 };
    this.entries.set(roomId, entry);
    try {
      const { status, hp, demo } = await this.engine.request({ t: 'create', roomId, lessonId, seed, hp: {} });
      entry.room = new Room(roomId, title?.trim() || lesson.title, lesson, presenterKey, status, hp);
      entry.room.demo = demo;
    } catch (err) {
      this.entries.delete(roomId);
      pacer.close();
      throw err;
    }
    this.metrics.rooms.set(this.entries.size);
    this.log.info({ roomId, lesson: lessonId, seed }, 'room created');
    return { room: entry.room, presenterKey };
  }

  pacer(roomId: string): Pacer | undefined {
    return this.entries.get(roomId)?.pacer;
  }

  get(roomId: string): Room | undefined {
    const e = this.entries.get(roomId);
    return e?.room ?? undefined;
  }

  list(): Room[] {
    return [...this.entries.values()].map((e) => e.room).filter(Boolean);
  }

  /** Applies a status the engine returned (after a control or patch) and tells the room's members. */
  publishStatus(room: Room, status: RunStatus): void {
    const e = this.entries.get(room.id);
    room.status = status;
    if (e) e.lastStatusAt = Date.now();
    this.io.to(room.id).emit('run:status', status);
  }

  async close(): Promise<void> {
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
