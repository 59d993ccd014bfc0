/** A demo lesson (ch09-01) in a room: options:set changes the computed view for every member. */
import { decodeFrame, type FrameBytes, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let presenter: TestSocket;
let viewer: TestSocket;
let snapshotRoom: string;

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch09-01');
  snapshotRoom = room.roomId;
  presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
  viewer = server.connect({ roomId: room.roomId });
  const [[ps, frames]] = await Promise.all([
    once<[RoomSnapshot, FrameBytes[]]>(presenter, 'room:snapshot'),
    once(viewer, 'room:snapshot'),
  ]);
  expect(ps.options).toMatchObject({ image: 'vertical line 5×5', kernel: 'Sobel-x 3×3', stride: 1, padding: 0, window: 0, k0: 1, k8: -1 });
  expect(decodeFrame(frames[0]!).fields.output!.dims).toEqual([3, 3]);
});

afterAll(async () => {
  await server?.close();
});

it('the presenter changes the stride: everyone gets options:changed and the new output', async () => {
  const changed = once<{ changes: Record<string, unknown> }>(viewer, 'options:changed');
  const panels = new Promise<number[]>((resolve) =>
    viewer.on('frames', (frames: FrameBytes[]) => {
      for (const f of frames.map((b) => decodeFrame(b))) if (f.channel === 'panels') resolve(f.fields.output!.dims);
    }),
  );
  expect(await request(presenter, 'options:set', { image: 'all ones 4×4', kernel: 'ones 2×2', stride: 2 })).toMatchObject({ ok: true });
  expect((await changed).changes.stride).toEqual([1, 2]);
  expect(await panels).toEqual([2, 2]);
});

it('the deprecated demo:set still works: same ack, and both options:changed and demo:changed go to everyone', async () => {
  const heard = Promise.all([
    once<{ changes: Record<string, unknown> }>(viewer, 'options:changed'),
    once<{ changes: Record<string, unknown> }>(viewer, 'demo:changed'),
    once<{ changes: Record<string, unknown> }>(presenter, 'demo:changed'),
  ]);
  const panels = new Promise<number[]>((resolve) =>
    viewer.on('frames', (frames: FrameBytes[]) => {
      for (const f of frames.map((b) => decodeFrame(b))) if (f.channel === 'panels' && f.fields.output!.dims[0] === 3) resolve(f.fields.output!.dims);
    }),
  );
  expect(await request(presenter, 'demo:set', { stride: 1 })).toEqual({ ok: true, applied: { stride: 1 } });
  const [options, demo, own] = await heard;
  expect(options.changes.stride).toEqual([2, 1]);
  expect(demo).toEqual(options);
  expect(own).toEqual(options);
  expect(await panels).toEqual([3, 3]);
  // Refused like options:set: a viewer in a locked room, a bad value.
  expect(await request(viewer, 'demo:set', { stride: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await request(presenter, 'demo:set', { stride: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  // A late joiner sees the values demo:set left, under both names.
  const late = server.connect({ roomId: snapshotRoom });
  const [seen] = await once<[RoomSnapshot, FrameBytes[]]>(late, 'room:snapshot');
  expect(seen.options).toMatchObject({ stride: 1, image: 'all ones 4×4' });
  expect(seen.demo).toEqual(seen.options);
  late.close();
});

it('refuses bad values, viewers in a locked room, and training controls', async () => {
  expect(await request(presenter, 'options:set', { stride: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(presenter, 'options:set', { nope: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(viewer, 'options:set', { stride: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await request(presenter, 'hp:set', { lr: 0.1 })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  expect(await request(presenter, 'run:control', { action: 'play' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
});
