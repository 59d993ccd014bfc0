/**
 * A viewer that stops reading (a frozen tab, a phone that lost its signal without closing), on a real connection
 * (issue 11): frames skip it (volatile: the transport is still busy with the last one), so what waits for it is
 * the reliable messages alone; past the cap it is closed with code 4008 and its reason, while another viewer and
 * the presenter carry on, every change acknowledged and heard.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ slowLimits: { maxPackets: 30, maxBytes: 8 << 20, checkMs: 200 } });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** The stalled viewer's TCP socket (Node's engine.io-client runs on `ws`): pausing it stops reading for good. */
function tcpOf(socket: ReturnType<TestServer["connect"]>): { pause(): void; resume(): void; bytesRead: number } {
  return (socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void; bytesRead: number } } }).ws._socket;
}

/** How many members the server has closed as too slow (/metrics). */
async function slowDisconnects(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^gradcast_slow_disconnects_total (\d+)/m.exec(text)?.[1] ?? 0);
}

it('a viewer that stops reading is closed with its reason past the cap; the others never wait for it', async () => {
  const room = await server.createRoom('ch08-08'); // four runs: large frames
  const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
  const healthy = server.connect({ roomId: room.roomId, frames: 'packed' });
  const stalled = server.connect({ roomId: room.roomId, frames: 'packed' });
  await Promise.all([presenter, healthy, stalled].map((s) => once(s, 'room:snapshot')));
  const closed = new Promise<{ reason: string; code?: number; message?: string }>((resolve) =>
    stalled.on('disconnect', (reason, details) => {
      const d = details as { context?: { code?: number; reason?: Buffer | string } } | undefined;
      resolve({ reason, code: d?.context?.code, message: d?.context?.reason?.toString() });
    }),
  );
  const tcp = tcpOf(stalled);
  tcp.pause();
  const read0 = tcp.bytesRead;
  let heard = 0;
  let frames = 0;
  healthy.on('hp:changed', () => heard++);
  healthy.on('frames', () => frames++);
  // Paused, each step's frames go reliably to every member (nothing would repeat them): single steps and changes
  // fill the stalled viewer's kernel buffers within seconds, then its backlog on the server, until it is closed.
  expect(await request(presenter, 'run:control', { action: 'pause' })).toMatchObject({ ok: true });
  let sent = 0;
  const t0 = Date.now();
  while ((await slowDisconnects()) === 0 && Date.now() - t0 < 30_000) {
    sent += 1;
    expect(await request(presenter, 'hp:set', { lr: 0.01 + 0.001 * (sent % 50) })).toMatchObject({ ok: true });
    expect(await request(presenter, 'run:control', { action: 'step' })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 70)); // two events each 70 ms: inside a member's rate (handlers.ts)
  }
  const seconds = (Date.now() - t0) / 1000;
  // Closed once, by the guard, while it read nothing (at most the one read under way when it stopped).
  expect(await slowDisconnects()).toBe(1);
  expect(tcp.bytesRead - read0).toBeLessThanOrEqual(64 * 1024);
  // The healthy viewer heard every change and got every step's frames.
  const end = Date.now() + 3000;
  while ((heard < sent || frames < sent) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(heard).toBe(sent);
  expect(frames).toBeGreaterThanOrEqual(sent);
  // Reading again, the stalled viewer finds the close behind its backlog, with the reason.
  tcp.resume();
  expect(await closed).toMatchObject({ reason: 'transport close', code: 4008, message: expect.stringMatching(/^too slow: /) });
  expect(await slowDisconnects()).toBe(1);
  console.log(`stalled viewer closed after ${seconds.toFixed(1)} s and ${sent} steps`);
}, 60_000);
