/** A demo lesson (ch09-01) in a room: options:set changes the computed view for every member. */
import { decodeFrame, type FrameBytes, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let presenter: TestSocket;
let viewer: TestSocket;

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch09-01');
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

it('refuses bad values, viewers in a locked room, and training controls', async () => {
  expect(await request(presenter, 'options:set', { stride: 0 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(presenter, 'options:set', { nope: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await request(viewer, 'options:set', { stride: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await request(presenter, 'hp:set', { lr: 0.1 })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  expect(await request(presenter, 'run:control', { action: 'play' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
});
