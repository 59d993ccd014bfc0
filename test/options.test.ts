/**
 * A training lesson's own options in a room (ch02-03): demo:set with a restarting option starts the run over
 * for everyone (new generation, step 0), a hot one (the lr schedule) keeps it; bad values and viewers are
 * refused and change nothing.
 */
import { type FrameBytes, peekFrame, type RoomSnapshot, type RunStatus } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let presenter: TestSocket;
let viewer: TestSocket;
let snapshot: RoomSnapshot;

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch02-03');
  presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
  viewer = server.connect({ roomId: room.roomId });
  [[snapshot]] = await Promise.all([once<[RoomSnapshot, FrameBytes[]]>(presenter, 'room:snapshot'), once(viewer, 'room:snapshot')]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** Resolves with the first status a socket receives that satisfies `ok`. */
const statusWhere = (s: TestSocket, ok: (st: RunStatus) => boolean): Promise<RunStatus> =>
  new Promise((resolve) => {
    const on = (st: RunStatus) => {
      if (!ok(st)) return;
      s.off('run:status', on);
      resolve(st);
    };
    s.on('run:status', on);
  });

it('the snapshot lists every option with its default, the lr schedule included', () => {
  expect(snapshot.demo).toMatchObject({ lrSchedule: 'constant', lrDecay: 1 });
  expect(snapshot.lesson.demoControls?.map((c) => c.name)).toContain('lrSchedule');
});

it('a hot option (lr schedule) applies without a restart and is broadcast', async () => {
  const before = (await statusWhere(viewer, (st) => st.step > 2)).generation;
  const changed = once<{ changes: Record<string, unknown> }>(viewer, 'demo:changed');
  expect(await request(presenter, 'demo:set', { lrSchedule: 'exponential' })).toMatchObject({ ok: true, applied: { lrSchedule: 'exponential' } });
  expect((await changed).changes.lrSchedule).toEqual(['constant', 'exponential']);
  const after = await statusWhere(viewer, () => true);
  expect(after.generation).toBe(before);
});

it('refuses bad values and viewers in a locked room, changing nothing', async () => {
  expect(await request(presenter, 'demo:set', { lrSchedule: 'cosine' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(presenter, 'demo:set', { lrDecay: -1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(presenter, 'demo:set', { lrSchedule: 'constant', nope: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(viewer, 'demo:set', { lrSchedule: 'constant' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // A late joiner sees the values as they were: nothing above was applied, not even the valid half.
  const late = server.connect({ roomId: snapshot.roomId });
  const [seen] = await once<[RoomSnapshot, FrameBytes[]]>(late, 'room:snapshot');
  expect(seen.demo).toMatchObject({ lrSchedule: 'exponential', lrDecay: 1 });
  late.close();
});

it('a restarting option (when the lesson has one) starts over at step 0 with a new generation for everyone', async () => {
  const restarting = snapshot.lesson.demoControls?.find((c) => !c.hot && c.kind === 'number');
  expect(restarting, 'ch02-03 declares a restarting number option (start point or noise)').toBeDefined();
  if (!restarting) return;
  const moving = await statusWhere(viewer, (st) => st.step > 3);
  const fresh = statusWhere(viewer, (st) => st.generation > moving.generation);
  const value = (restarting.max as number) === restarting.default ? (restarting.min as number) : (restarting.max as number);
  expect(await request(presenter, 'demo:set', { [restarting.name]: value })).toMatchObject({ ok: true });
  const st = await fresh;
  expect(st.step).toBeLessThan(moving.step);
  const frame = await new Promise<number>((resolve) =>
    viewer.on('frames', (frames: FrameBytes[]) => {
      const g = frames.map((b) => peekFrame(b).generation).find((x) => x > moving.generation);
      if (g) resolve(g);
    }),
  );
  expect(frame).toBeGreaterThan(moving.generation);
});

it('a channel taken up again starts from its latest frame (a static surface, sent once per generation)', async () => {
  const s = server.connect({ roomId: snapshot.roomId });
  await once(s, 'room:snapshot');
  expect(await request(s, 'frames:subscribe', { channels: ['metrics'] })).toMatchObject({ ok: true, channels: ['metrics'] });
  const surface = new Promise<number>((resolve) =>
    s.on('frames', (frames: FrameBytes[]) => {
      const f = frames.map((b) => peekFrame(b)).find((h) => h.channel === 'surface');
      if (f) resolve(f.generation);
    }),
  );
  expect(await request(s, 'frames:subscribe', { channels: ['metrics', 'surface'] })).toMatchObject({ ok: true });
  expect(await surface).toBeGreaterThanOrEqual(1);
  s.close();
});
