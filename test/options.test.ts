/**
 * A training lesson's own options in a room (ch02-03): options:set with a restarting option starts the run over
 * for everyone (new generation, step 0), a hot one (the lr schedule) keeps it; bad values and viewers are
 * refused and change nothing. ch08-02's layer list: a list outside its limits is refused with the reason, a good
 * one rebuilds the network and restarts the run, and the network graph follows it.
 */
import { decodeFrame, type DemoPanel, type FrameBytes, peekFrame, type RoomSnapshot, type RunStatus } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  expect(snapshot.options).toMatchObject({ lrSchedule: 'constant', lrDecay: 1 });
  expect(snapshot.lesson.options?.map((c) => c.name)).toContain('lrSchedule');
});

it('a hot option (lr schedule) applies without a restart and is broadcast', async () => {
  const before = (await statusWhere(viewer, (st) => st.step > 2)).generation;
  const changed = once<{ changes: Record<string, unknown> }>(viewer, 'options:changed');
  expect(await request(presenter, 'options:set', { lrSchedule: 'exponential' })).toMatchObject({ ok: true, applied: { lrSchedule: 'exponential' } });
  expect((await changed).changes.lrSchedule).toEqual(['constant', 'exponential']);
  const after = await statusWhere(viewer, () => true);
  expect(after.generation).toBe(before);
});

it('refuses bad values and viewers in a locked room, changing nothing', async () => {
  expect(await request(presenter, 'options:set', { lrSchedule: 'cosine' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(presenter, 'options:set', { lrDecay: -1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(presenter, 'options:set', { lrSchedule: 'constant', nope: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(viewer, 'options:set', { lrSchedule: 'constant' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // A late joiner sees the values as they were: nothing above was applied, not even the valid half.
  const late = server.connect({ roomId: snapshot.roomId });
  const [seen] = await once<[RoomSnapshot, FrameBytes[]]>(late, 'room:snapshot');
  expect(seen.options).toMatchObject({ lrSchedule: 'exponential', lrDecay: 1 });
  late.close();
});

it('a restarting option (when the lesson has one) starts over at step 0 with a new generation for everyone', async () => {
  const restarting = snapshot.lesson.options?.find((c) => !c.hot && c.kind === 'number');
  expect(restarting, 'ch02-03 declares a restarting number option (start point or noise)').toBeDefined();
  if (!restarting) return;
  const moving = await statusWhere(viewer, (st) => st.step > 3);
  const fresh = statusWhere(viewer, (st) => st.generation > moving.generation);
  const value = (restarting.max as number) === restarting.default ? (restarting.min as number) : (restarting.max as number);
  expect(await request(presenter, 'options:set', { [restarting.name]: value })).toMatchObject({ ok: true });
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

describe('ch08-02: the layer list', () => {
  let owner: TestSocket;
  let watcher: TestSocket;
  let roomId: string;

  beforeAll(async () => {
    const room = await server.createRoom('ch08-02');
    roomId = room.roomId;
    owner = server.connect({ roomId, presenterKey: room.presenterKey });
    watcher = server.connect({ roomId });
    const [[seen]] = await Promise.all([once<[RoomSnapshot, FrameBytes[]]>(owner, 'room:snapshot'), once(watcher, 'room:snapshot')]);
    expect(seen.options?.layers).toBe('2-10-10-3');
    expect(seen.lesson.options?.find((c) => c.name === 'layers')).toMatchObject({
      kind: 'layers',
      layers: { input: 2, output: 3, minHidden: 1, maxHidden: 6, minUnits: 1, maxUnits: 128 },
    });
  }, 60_000);

  it('refuses a bad list with the reason, and a viewer, changing nothing', async () => {
    const moving = await statusWhere(watcher, (st) => st.step > 2);
    expect(await request(owner, 'options:set', { layers: '2-10-500-3' })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'layers: hidden layer 2 has 500 units, at most 128' },
    });
    for (const layers of ['2-10-10', '2 - 10 - 3', [2, 10, 3], 2103, null]) {
      expect(await request(owner, 'options:set', { layers }), JSON.stringify(layers)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await request(owner, 'options:set', { shuffle: false, layers: '2-0-3' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await request(watcher, 'options:set', { layers: '2-16-3' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const late = server.connect({ roomId });
    const [seen] = await once<[RoomSnapshot, FrameBytes[]]>(late, 'room:snapshot');
    expect(seen.options).toMatchObject({ layers: '2-10-10-3', shuffle: true });
    expect(seen.generation).toBe(moving.generation);
    late.close();
  });

  it('a good list restarts the run for everyone, and the network graph shows it', async () => {
    const moving = await statusWhere(watcher, (st) => st.step > 2);
    const changed = once<{ changes: Record<string, unknown> }>(watcher, 'options:changed');
    const fresh = statusWhere(watcher, (st) => st.generation > moving.generation);
    const graph = new Promise<DemoPanel>((resolve) =>
      watcher.on('frames', (frames: FrameBytes[]) => {
        for (const b of frames) {
          const h = peekFrame(b);
          if (h.channel !== 'panels' || h.generation <= moving.generation) continue;
          const layout = JSON.parse(String(decodeFrame(b).meta.layout)) as DemoPanel[];
          const net = layout.find((p) => p.kind === 'network');
          if (net) resolve(net);
        }
      }),
    );
    expect(await request(owner, 'options:set', { layers: '2-16-8-8-3' })).toMatchObject({ ok: true, applied: { layers: '2-16-8-8-3' } });
    expect((await changed).changes.layers).toEqual(['2-10-10-3', '2-16-8-8-3']);
    expect((await fresh).step).toBeLessThan(moving.step);
    expect((await graph).sizes).toEqual([2, 16, 8, 8, 3]);
  }, 30_000);
});
