/**
 * Bad input is refused and changes nothing (issue 13): a member flooding the room with events is rate-limited
 * (every event past its budget refused with `rate_limited`, none of them applied); room creation is capped per
 * process and per client address, each with a clear error; the presenter key never reaches the logs.
 */
import { Writable } from 'node:stream';
import type { RoomStatusResponse } from '@gradcast/shared';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer } from './support/server.ts';

/** Everything the server logged, at every level. */
const logged: string[] = [];
let server: TestServer;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  server = await startTestServer({ logger: pino({ level: 'trace' }, sink), maxRooms: 6, createLimits: { burst: 3, perMinute: 60 } });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** Every presenter key the server handed out in this file (none may reach the logs). */
const keys: string[] = [];

async function create(lesson = 'ch02-03'): Promise<Response> {
  const res = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lesson }) });
  if (res.status === 201) keys.push(((await res.clone().json()) as { presenterKey: string }).presenterKey);
  return res;
}

describe('limits', () => {
  it('a member flooding the room: past its budget every event is refused as rate_limited and none is applied', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    const room = (await res.json()) as { roomId: string; presenterKey: string };
    const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
    await once(presenter, 'room:snapshot');
    // 200 distinct changes at once, none awaited: a script, not a slider.
    const acks = await Promise.all(
      Array.from({ length: 200 }, (_, i) => request<{ ok: boolean; error?: { code: string; message: string } }>(presenter, 'hp:set', { lr: 0.001 * (i + 1) })),
    );
    const ok = acks.flatMap((a, i) => (a.ok ? [i] : []));
    const refused = acks.filter((a) => !a.ok);
    expect(ok.length).toBeGreaterThanOrEqual(60);
    expect(ok.length).toBeLessThan(200);
    expect(refused.every((a) => a.error?.code === 'rate_limited' && /too many events/.test(a.error.message))).toBe(true);
    // The room holds the last change that was let through, not a refused one.
    const status = (await (await fetch(`${server.url}/api/rooms/${room.roomId}`)).json()) as RoomStatusResponse;
    expect(status.hyperparameters.lr).toBeCloseTo(0.001 * ((ok.at(-1) as number) + 1), 10);
    // A moment later the budget has refilled: a change goes through.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await request(presenter, 'hp:set', { lr: 0.05 })).toMatchObject({ ok: true, applied: { lr: 0.05 } });
    presenter.disconnect();
  }, 60_000);

  it('caps room creation per address (429 with Retry-After) and per process (503), each saying why', async () => {
    // Created at once from one address, rooms soon meet the limit (3 at once, then one a second)…
    let res = await create();
    for (let n = 0; res.status === 201 && n < 6; n++) res = await create();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/too many rooms created from your network/) } });
    // …and created slowly, the process's cap (6 rooms).
    for (let n = 0; n < 8; n++) {
      await new Promise((r) => setTimeout(r, 1100));
      res = await create();
      if (res.status !== 201) break;
    }
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/holds its most rooms \(6\)/) } });
    expect(server.app.rooms.list().length).toBe(6);
  }, 60_000);

  it('every HTTP answer carries the security headers: pages, API, join page, errors', async () => {
    for (const path of ['/', '/api/lessons', '/j', '/j/ZZZZZZ', '/api/rooms/nope']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('never logs a presenter key, good or bad', async () => {
    const room = server.app.rooms.list()[0]!;
    const key = keys[0]!;
    const good = server.connect({ roomId: room.id, presenterKey: key });
    await once(good, 'room:snapshot');
    expect(await request(good, 'run:control', { action: 'pause' })).toMatchObject({ ok: true });
    const wrong = 'not-the-key-' + 'x'.repeat(20);
    const bad = server.connect({ roomId: room.id, presenterKey: wrong });
    expect((await once<Error>(bad, 'connect_error')).message).toBe('bad presenter key');
    good.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    const all = logged.join('');
    expect(all).toContain(room.id); // the logs do speak of the room…
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const k of [...keys, wrong]) expect(all).not.toContain(k); // …never of its key
  }, 30_000);
});
