/** Rooms nobody watches are paused, then closed; a room with a member is left alone. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  // The pause → close window (closeAfterMs − pauseAfterMs) must outlast a poll on a loaded machine, or the
  // test can see the empty room go from running straight to closed and wait for a pause it missed.
  server = await startTestServer({ idle: { pauseAfterMs: 300, closeAfterMs: 3000, sweepMs: 100 } });
});
afterAll(async () => {
  await server?.close();
});

const status = async (roomId: string) => fetch(`${server.url}/api/rooms/${roomId}`);
const until = async (check: () => Promise<boolean>, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

it('pauses an empty running room, then closes it; a member joining resumes a room the sweep paused', async () => {
  const empty = await server.createRoom();
  const watched = await server.createRoom();
  await until(async () => (await (await status(empty.roomId)).json()).state === 'paused');
  await until(async () => (await (await status(watched.roomId)).json()).state === 'paused');
  const viewer = server.connect({ roomId: watched.roomId });
  await once(viewer, 'room:snapshot');
  await until(async () => (await (await status(watched.roomId)).json()).state === 'running');
  await until(async () => (await status(empty.roomId)).status === 404, 12_000);
  const w = await (await status(watched.roomId)).json();
  expect(w.state).toBe('running');
  expect(w.viewers).toBe(1);
});
