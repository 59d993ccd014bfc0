/**
 * Packed frames (issue 11): a member that asks for them in its handshake gets each `frames` packet as ONE binary
 * WebSocket message, which the client's parser turns back into the `frames` event; a member that does not gets
 * the default Socket.IO event, in the same room at the same time. Both decode to the same frames.
 */
import { decodeFrame, type FrameBytes, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** What reaches a member's engine.io connection: binary messages and text messages that carry a `frames` event. */
function countMessages(socket: ReturnType<TestServer['connect']>): { binary: number; framesEvents: number } {
  const seen = { binary: 0, framesEvents: 0 };
  socket.io.engine.on('packet', (p: { type: string; data?: unknown }) => {
    if (p.type !== 'message') return;
    if (typeof p.data === 'string') {
      if (/^5\d+-\["frames"/.test(p.data)) seen.framesEvents += 1; // a binary event: its attachments follow
    } else seen.binary += 1;
  });
  return seen;
}

it('a packed member gets one binary message per frames packet, a default one the Socket.IO event; both decode', async () => {
  const room = await server.createRoom('ch08-08'); // full speed, four runs: frames all the time
  const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
  const packed = server.connect({ roomId: room.roomId, frames: 'packed' });
  const plain = server.connect({ roomId: room.roomId });
  const [, [snapshot]] = await Promise.all([
    once(presenter, 'room:snapshot'),
    once<[RoomSnapshot, unknown]>(packed, 'room:snapshot'),
    once(plain, 'room:snapshot'),
  ]);
  // Full speed (lessons start at a teaching pace): frames every tick.
  expect(await request(presenter, 'hp:set', { speed: 0 })).toMatchObject({ ok: true });
  const wire = { packed: countMessages(packed), plain: countMessages(plain) };
  const got = { packed: [] as FrameBytes[][], plain: [] as FrameBytes[][] };
  packed.on('frames', (f) => got.packed.push(f));
  plain.on('frames', (f) => got.plain.push(f));
  // A channel dropped and taken up again: its catch-up frames come packed too, as the live ones do.
  const all = snapshot.lesson.channels;
  expect(await request(packed, 'frames:subscribe', { channels: ['metrics'] })).toMatchObject({ ok: true });
  expect(await request(packed, 'frames:subscribe', { channels: all })).toMatchObject({ ok: true, channels: all });
  // Controls and their acknowledgements go through the packed member's parser unchanged.
  expect(await request(presenter, 'hp:set', { lr: 0.02 })).toMatchObject({ ok: true, applied: { lr: 0.02 } });
  expect(await request(packed, 'members:list', { offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await new Promise((r) => setTimeout(r, 1500));
  for (const s of [presenter, packed, plain]) s.disconnect();

  expect(got.packed.length).toBeGreaterThan(5);
  expect(got.plain.length).toBeGreaterThan(5);
  // Packed: every frames packet was one binary message, and no frames event came as text.
  expect(wire.packed.framesEvents).toBe(0);
  expect(wire.packed.binary).toBe(got.packed.length);
  // Default: a text message per packet, its buffers as binary messages behind it (the disconnect may cut the
  // last packet short: its text came, not all its buffers).
  expect(wire.plain.framesEvents - got.plain.length).toBeGreaterThanOrEqual(0);
  expect(wire.plain.framesEvents - got.plain.length).toBeLessThanOrEqual(1);
  expect(wire.plain.binary).toBeGreaterThanOrEqual(got.plain.flat().length);
  // Every channel the default member got, the packed one got too (and the catch-up of the ones it took up again),
  // each frame whole.
  const channels = (packets: FrameBytes[][]) => new Set(packets.flat().map((b) => decodeFrame(b).channel));
  const packedChannels = channels(got.packed);
  expect([...channels(got.plain)].filter((c) => !packedChannels.has(c))).toEqual([]);
  for (const b of got.packed.flat()) expect(b).toBeInstanceOf(Uint8Array);
}, 60_000);

it('refuses a handshake that asks for frames in a form the server does not know', async () => {
  const room = await server.createRoom('ch02-03');
  const s = server.connect({ roomId: room.roomId, frames: 'zipped' as 'packed' });
  const err = await once<Error>(s, 'connect_error');
  expect(err.message).toMatch(/^bad handshake: frames/);
}, 30_000);
