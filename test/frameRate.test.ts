/**
 * A page that draws slowly asks for fewer frames (frames:rate, issue 11): it gets the newest frames at its rate
 * while another viewer keeps the full rate, and every change the presenter makes meanwhile is acknowledged and
 * applied, whatever the frames are doing.
 */
import type { FrameBytes } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

it('a slow page gets its rate, a fast one the full rate; every hp:set gets through', async () => {
  const room = await server.createRoom('ch08-08'); // full speed, four runs: frames all the time
  const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
  const fast = server.connect({ roomId: room.roomId });
  const slow = server.connect({ roomId: room.roomId });
  await Promise.all([presenter, fast, slow].map((s) => once(s, 'room:snapshot')));
  // Full speed (lessons start at a teaching pace): frames every tick. Its hp:changed is heard before counting starts.
  const paced = [once(fast, 'hp:changed'), once(slow, 'hp:changed')];
  expect(await request(presenter, 'hp:set', { speed: 0 })).toMatchObject({ ok: true });
  await Promise.all(paced);
  expect(await request(slow, 'frames:rate', { fps: 3 })).toEqual({ ok: true, fps: 2 });
  for (const bad of [{ fps: 0 }, { fps: 31 }, { fps: 'x' }, null]) {
    expect(await request(slow, 'frames:rate', bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  }
  const packets = { fast: 0, slow: 0 };
  fast.on('frames', (_f: FrameBytes[]) => packets.fast++);
  slow.on('frames', (_f: FrameBytes[]) => packets.slow++);
  const t0 = Date.now();
  // Changes while frames stream: each acknowledged, in effect, and heard by both viewers.
  const heard = { fast: 0, slow: 0 };
  fast.on('hp:changed', () => heard.fast++);
  slow.on('hp:changed', () => heard.slow++);
  for (let i = 1; i <= 20; i++) {
    expect(await request(presenter, 'hp:set', { lr: 0.01 * i })).toMatchObject({ ok: true, applied: { lr: 0.01 * i } });
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - t0) / 1000;
  const end = Date.now() + 3000;
  while ((heard.fast < 20 || heard.slow < 20) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(heard).toEqual({ fast: 20, slow: 20 });
  // The slow page: about 2 packets a second (reliable ones come on top); the fast one many more.
  expect(packets.slow / seconds).toBeLessThanOrEqual(4);
  expect(packets.slow).toBeGreaterThan(0);
  expect(packets.fast).toBeGreaterThan(3 * packets.slow);
  for (const s of [presenter, fast, slow]) s.disconnect();
}, 60_000);
