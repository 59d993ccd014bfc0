/**
 * The room owns what viewers receive (server/src/room/roomFrames.ts): a join is answered from the room, never from
 * the training worker, and carries the whole history (loss, path, evaluation log), merged from the frames the worker
 * posts whether or not anyone watches them.
 */
import { decodeFrame, type Frame, type FrameBytes, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** Joins `roomId` as a new member and returns its snapshot and frames (decoded, by channel). */
async function join(roomId: string): Promise<{ snapshot: RoomSnapshot; frames: Map<string, Frame>; socket: TestSocket }> {
  const socket = server.connect({ roomId });
  const [snapshot, bytes] = await once<[RoomSnapshot, FrameBytes[]]>(socket, 'room:snapshot');
  return { snapshot, frames: new Map(bytes.map((b) => decodeFrame(b)).map((f) => [f.channel, f])), socket };
}

/** The trainer's own whole-history frames, straight from the worker (what the room's history must equal). */
async function workerFrames(roomId: string, channels: ('metrics' | 'path')[]): Promise<Map<string, Frame>> {
  const { frames } = await server.engine.request({ t: 'latest', roomId, channels });
  return new Map((frames ?? []).map((f) => decodeFrame(f.bytes)).map((f) => [f.channel, f]));
}

const until = async (check: () => boolean, ms = 30_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const fieldOf = (f: Frame | undefined, name: string): number[] => Array.from(f?.fields[name]?.data ?? []);

describe('joins are answered by the room', () => {
  it('a join while the worker is busy on a long step still gets its snapshot at once', async () => {
    const { roomId } = await server.createRoom('ch02-03');
    // Some history first, so the snapshot has something to carry.
    await until(() => (server.app.rooms.get(roomId)?.status.step ?? 0) >= 3);
    const events: string[] = [];
    // The worker is busy for 4 s, as on a long training step: every message to it waits behind this one.
    const busy = server.engine.request({ t: 'hold', roomId, ms: 4000 }).then(() => events.push('worker free'));
    const joined = join(roomId).then((j) => {
      events.push('snapshot');
      return j;
    });
    const [{ snapshot, frames, socket }] = await Promise.all([joined, busy]);
    expect(events).toEqual(['snapshot', 'worker free']);
    expect(snapshot.step).toBeGreaterThanOrEqual(3);
    expect([...frames.keys()].sort()).toEqual(['data', 'fit', 'metrics', 'params', 'path', 'surface']);
    expect(frames.get('metrics')!.meta.full).toBe(true);
    expect(fieldOf(frames.get('metrics'), 'step')[0]).toBe(0);
    socket.close();
  }, 30_000);
});

describe('the room’s history', () => {
  it('equals what the worker produced, with no gaps, when no member subscribes to metrics', async () => {
    const { roomId, presenterKey } = await server.createRoom('ch02-03');
    const presenter = server.connect({ roomId, presenterKey });
    await once(presenter, 'room:snapshot');
    expect(await request(presenter, 'frames:subscribe', { channels: ['surface'] })).toMatchObject({ ok: true, channels: ['surface'] });
    // Nobody receives metrics or path now; about a hundred steps between two frames, and fewer in all than the
    // history's capacity (so every step is kept).
    expect(await request(presenter, 'hp:set', { speed: 3000 })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1500));
    const { step } = await request<{ ok: boolean; step: number }>(presenter, 'run:control', { action: 'pause' });
    expect(step).toBeGreaterThan(100);
    const history = server.app.rooms.get(roomId)!.frames.history;
    const worker = await workerFrames(roomId, ['metrics', 'path']);
    const steps = fieldOf(worker.get('metrics'), 'step');
    expect(steps.length).toBeGreaterThan(100);
    expect(history.loss!.steps).toEqual(steps);
    expect(history.loss!.values).toEqual(fieldOf(worker.get('metrics'), 'loss'));
    // The points are every step from 0 (well below the history's capacity, nothing is thinned).
    expect(steps).toEqual(Array.from({ length: step }, (_, k) => k));
    expect(history.path!.steps).toEqual(fieldOf(worker.get('path'), 'step'));
    expect(history.path!.columns[2]).toEqual(fieldOf(worker.get('path'), 'loss'));
    // A late joiner gets exactly that.
    const late = await join(roomId);
    expect(fieldOf(late.frames.get('metrics'), 'step')).toEqual(steps);
    expect(fieldOf(late.frames.get('path'), 'xy')).toEqual(fieldOf(worker.get('path'), 'xy'));
    late.socket.close();
    presenter.close();
  }, 30_000);

  it('a late joiner gets the whole loss history and the whole evaluation log', async () => {
    // ch08-03: full batch, one epoch per step, so an evaluation completes at nearly every step; narrow layers train fast.
    const { roomId, presenterKey } = await server.createRoom('ch08-03');
    const presenter = server.connect({ roomId, presenterKey });
    await once(presenter, 'room:snapshot');
    expect(await request(presenter, 'options:set', { width: 8 })).toMatchObject({ ok: true });
    expect(await request(presenter, 'hp:set', { speed: 0 })).toMatchObject({ ok: true });
    const room = server.app.rooms.get(roomId)!;
    await until(() => room.frames.history.evals.length >= 40);
    await request(presenter, 'run:control', { action: 'pause' });
    const worker = await workerFrames(roomId, ['metrics']);
    const late = await join(roomId);
    const metrics = late.frames.get('metrics')!;
    const steps = fieldOf(metrics, 'step');
    expect(steps).toEqual(Array.from({ length: late.snapshot.step }, (_, k) => k));
    expect(metrics.fields.loss!.dims).toEqual([2, steps.length]);
    expect(fieldOf(metrics, 'loss')).toEqual(fieldOf(worker.get('metrics'), 'loss'));
    // Every evaluation since the run (re)started, as the worker logged them.
    const logSteps = fieldOf(metrics, 'evalLogSteps');
    expect(logSteps.length).toBeGreaterThanOrEqual(40);
    expect(logSteps).toEqual(fieldOf(worker.get('metrics'), 'evalLogSteps'));
    // From the first evaluation of the run (it completes within the first steps) to the latest, none missing.
    expect(logSteps[0]).toBeLessThanOrEqual(3);
    expect(logSteps.at(-1)).toBeGreaterThanOrEqual(late.snapshot.step - 2);
    for (let i = 1; i < logSteps.length; i++) expect(logSteps[i]! - logSteps[i - 1]!).toBeLessThanOrEqual(2);
    expect(metrics.meta.evalNames).toBe(worker.get('metrics')!.meta.evalNames);
    expect(fieldOf(metrics, 'evalLog')).toEqual(fieldOf(worker.get('metrics'), 'evalLog'));
    late.socket.close();
    presenter.close();
  }, 60_000);

  it('after a rebuild that keeps the history, the snapshot’s evaluation log still holds the evaluations before it', async () => {
    // ch07-04 (MNIST): 6,000-image batches make 10 steps an epoch; an evaluation completes 10 steps after each epoch.
    const { roomId, presenterKey } = await server.createRoom('ch07-04');
    const presenter = server.connect({ roomId, presenterKey });
    await once(presenter, 'room:snapshot');
    expect(await request(presenter, 'options:set', { hidden: 10 })).toMatchObject({ ok: true });
    expect(await request(presenter, 'hp:set', { batchSize: 6000, speed: 0 })).toMatchObject({ ok: true });
    const room = server.app.rooms.get(roomId)!;
    await until(() => room.frames.history.evals.length >= 2, 60_000);
    const evaluated = room.frames.history.evals.entries().map((e) => e.step);
    // A member watching live: the first metrics frames of the rebuilt run.
    const generation = room.status.generation;
    const live = new Promise<Frame[]>((resolve) => {
      const seen: Frame[] = [];
      presenter.on('frames', (bytes: FrameBytes[]) => {
        for (const f of bytes.map((b) => decodeFrame(b))) {
          if (f.channel !== 'metrics' || f.generation <= generation) continue;
          seen.push(f);
          if (seen.length === 3) resolve(seen);
        }
      });
    });
    const rebuilt = await request<{ ok: boolean; step: number }>(presenter, 'hp:set', { batchNorm: true });
    expect(rebuilt).toMatchObject({ ok: true });
    // Live frames of the rebuilt run keep the evaluation columns (no evaluation of the new model yet: NaN), so the
    // accuracy a member has drawn stays as it was.
    const frames3 = await live;
    expect(frames3[0]!.meta.full).toBe(true);
    for (const f of frames3) expect(String(f.meta.evalNames).split(',')).toContain('testAccuracy');
    const { snapshot, frames, socket } = await join(roomId);
    expect(snapshot.generation).toBeGreaterThan(2);
    const metrics = frames.get('metrics')!;
    expect(metrics.generation).toBe(snapshot.generation);
    // The loss from step 0, and accuracy up to the rebuild: the evaluations before it are still there.
    expect(fieldOf(metrics, 'step')[0]).toBe(0);
    const logSteps = fieldOf(metrics, 'evalLogSteps');
    expect(logSteps.slice(0, evaluated.length)).toEqual(evaluated);
    expect(logSteps.every((s) => s <= snapshot.step)).toBe(true);
    const names = String(metrics.meta.evalNames).split(',');
    const accuracy = fieldOf(metrics, 'evalLog').filter((_, i) => i % names.length === names.indexOf('testAccuracy'));
    expect(accuracy.slice(0, evaluated.length).every((a) => a > 0)).toBe(true);
    socket.close();
    presenter.close();
  }, 120_000);
});
