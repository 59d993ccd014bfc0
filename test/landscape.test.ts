/**
 * The live loss landscape in a room (ch08-08: four momentum runs from one start, 303 parameters): members receive
 * slices while the run trains, a late joiner gets the latest one with its snapshot, the presenter switches the plane
 * without restarting the run, and a viewer cannot.
 */
import { decodeFrame, type Frame, type FrameBytes, type RoomSnapshot, type RunStatus } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let presenter: TestSocket;
let roomId: string;
const seen: Frame[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch08-08');
  roomId = room.roomId;
  presenter = server.connect({ roomId, presenterKey: room.presenterKey });
  presenter.on('frames', (frames: FrameBytes[]) => {
    for (const b of frames) {
      const f = decodeFrame(b);
      if (f.channel === 'landscape') seen.push(f);
    }
  });
  await once(presenter, 'room:snapshot');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const until = async (check: () => boolean, ms = 60_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

it('streams slices while the run trains, on the runs plane by default, refined to 33 × 33', async () => {
  await until(() => seen.some((f) => f.meta.resolution === 33));
  const f = seen.find((x) => x.meta.resolution === 33)!;
  expect(f.meta.kind).toBe('runs');
  expect(f.fields.z!.dims).toEqual([33, 33]);
  expect(f.fields.path!.dims[1]).toBe(4);
  expect(String(f.meta.runs).split('|')).toHaveLength(4);
});

it('a late joiner gets the latest slice with its snapshot', async () => {
  const late = server.connect({ roomId });
  const [snapshot, bytes] = await once<[RoomSnapshot, FrameBytes[]]>(late, 'room:snapshot');
  const channels = bytes.map((b) => decodeFrame(b).channel);
  expect(snapshot.lesson.channels).toContain('landscape');
  expect(channels).toContain('landscape');
  late.disconnect();
});

it('the presenter switches the plane without restarting the run; a viewer may not', async () => {
  const viewer = server.connect({ roomId });
  await once(viewer, 'room:snapshot');
  expect(await request(viewer, 'options:set', { landscapePlane: 'random' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const before = (await once<RunStatus>(presenter, 'run:status')).generation;
  seen.length = 0;
  expect(await request(presenter, 'options:set', { landscapePlane: 'random' })).toMatchObject({ ok: true });
  await until(() => seen.some((f) => f.meta.kind === 'random'));
  const status = await once<RunStatus>(presenter, 'run:status');
  expect(status.generation).toBe(before);
  expect(status.step).toBeGreaterThan(0);
  viewer.disconnect();
});
