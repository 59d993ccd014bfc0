/**
 * Joining from the hall over real HTTP (port 0): POST /api/rooms gives a short join code, /j/<code> redirects to the
 * viewer link (tolerant of case, spaces and dashes), unknown codes answer 404, a closed room's code stops working,
 * misses are rate-limited per address, and a code never leads to the presenter's rights. Also the lesson list's
 * `?details=1`, which the landing page reads.
 */
import type { CreateRoomResponse, RoomSnapshot, RoomStatusResponse } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '@gradcast/server/room/joinCodes';
import { once, request, startTestServer, type TestServer } from './support/server.ts';

/** GET without following redirects (the 302 itself is what is tested). */
const get = (url: string, accept = 'text/html'): Promise<Response> => fetch(url, { redirect: 'manual', headers: { accept } });

/** A well-formed code that is not `code` (nor any other live room's, in these tests: they hold two or three). */
const otherCode = (...live: string[]): string =>
  [...JOIN_CODE_ALPHABET].map((c) => c.repeat(6)).find((c) => !live.includes(c)) as string;

describe('join codes', () => {
  let server: TestServer;
  let room: CreateRoomResponse;

  beforeAll(async () => {
    server = await startTestServer();
    room = await server.createRoom('ch02-03');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('POST /api/rooms returns a short code and its link on the viewer link’s origin', async () => {
    expect(room.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(room.joinUrl).toBe(`${new URL(room.viewerUrl).origin}/j/${room.joinCode}`);
    const other = await server.createRoom('ch02-03');
    expect(other.joinCode).not.toBe(room.joinCode);
    const status = (await (await fetch(`${server.url}/api/rooms/${other.roomId}`)).json()) as RoomStatusResponse;
    expect(status).toMatchObject({ joinCode: other.joinCode, joinUrl: other.joinUrl });
  });

  it('GET /j/<code> redirects (302) to the viewer link, whatever the case, spaces and dashes', async () => {
    const c = room.joinCode;
    for (const typed of [c, c.toLowerCase(), `${c.slice(0, 3)}-${c.slice(3)}`, encodeURIComponent(` ${c.slice(0, 3)} ${c.slice(3).toLowerCase()} `)]) {
      const res = await get(`${server.url}/j/${typed}`);
      expect(res.status, typed).toBe(302);
      expect(res.headers.get('location')).toBe(room.viewerUrl);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    // The form on /j sends ?code=
    const form = await get(`${server.url}/j?code=${encodeURIComponent(c.toLowerCase().split('').join(' '))}`);
    expect(form.status).toBe(302);
    expect(form.headers.get('location')).toBe(room.viewerUrl);
  });

  it('GET /j is a page to type a code on', async () => {
    const res = await get(`${server.url}/j`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="get" action="/j">');
    expect(html).toMatch(/<label for="join-code">Join code<\/label>/);
  });

  it('answers an unknown or malformed code with 404 and a clear message (page or JSON)', async () => {
    const unknown = otherCode(room.joinCode);
    const page = await get(`${server.url}/j/${unknown}`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain(`No room has the code ${unknown.slice(0, 3)} ${unknown.slice(3)}`);
    expect(html).toContain('role="alert"');

    const json = await get(`${server.url}/j/${unknown}`, 'application/json');
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('No room has the code') } });

    const bad = await get(`${server.url}/j/${encodeURIComponent('<b>0</b>')}`);
    expect(bad.status).toBe(404);
    const badHtml = await bad.text();
    expect(badHtml).toContain('That is not a join code');
    expect(badHtml).toContain('value="&#60;b&#62;0&#60;/b&#62;"'); // what was typed goes back, escaped
    expect(badHtml).not.toContain('<b>0</b>');

    // Six characters, some outside the alphabet: simply no room has it (and the echo is escaped too).
    const odd = await get(`${server.url}/j/${encodeURIComponent('<svg/>')}`);
    expect(odd.status).toBe(404);
    const oddHtml = await odd.text();
    expect(oddHtml).toContain('No room has the code &#60;SV G/&#62;');
    expect(oddHtml).not.toMatch(/<svg/i);
  });

  it('gives viewing only: the redirect carries no key, and the code is no presenter key', async () => {
    const res = await get(`${server.url}/j/${room.joinCode}`);
    const location = res.headers.get('location') ?? '';
    expect(location).not.toContain('#');
    expect(location).not.toContain(room.presenterKey);
    expect(await res.text()).not.toContain(room.presenterKey);

    const roomId = decodeURIComponent(new URL(location).pathname.split('/').pop() as string);
    expect(roomId).toBe(room.roomId);
    const viewer = server.connect({ roomId, name: 'Hall' });
    const [snapshot] = await once<[RoomSnapshot]>(viewer, 'room:snapshot');
    expect(snapshot.you).toMatchObject({ role: 'viewer', canControl: false });
    const ack = await request<{ ok: boolean; error?: { code: string } }>(viewer, 'hp:set', { lr: 0.05 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const impostor = server.connect({ roomId, presenterKey: room.joinCode });
    expect((await once<Error>(impostor, 'connect_error')).message).toBe('bad presenter key');
  });

  it('the landing page’s lesson list: the contract’s fields, and descriptions with ?details=1', async () => {
    const plain = (await (await fetch(`${server.url}/api/lessons`)).json()) as Record<string, unknown>[];
    expect(Object.keys(plain[0] ?? {}).sort()).toEqual(['chapter', 'controls', 'id', 'title', 'trains']);
    const detailed = (await (await fetch(`${server.url}/api/lessons?details=1`)).json()) as Record<string, unknown>[];
    expect(detailed).toHaveLength(plain.length);
    expect(detailed.find((l) => l['id'] === 'ch02-03')?.['description']).toMatch(/^Fits ŷ = w·x \+ b/);
  });

  it('stops working when its room closes', async () => {
    const doomed = await server.createRoom('ch02-03');
    expect((await get(`${server.url}/j/${doomed.joinCode}`)).status).toBe(302);
    await server.app.rooms.close(doomed.roomId);
    const res = await get(`${server.url}/j/${doomed.joinCode}`);
    expect(res.status).toBe(404);
    expect(server.app.rooms.joinCodes.lookup(doomed.joinCode)).toBeUndefined();
    // Other rooms' codes still work.
    expect((await get(`${server.url}/j/${room.joinCode}`)).status).toBe(302);
  });
});

describe('join code guessing', () => {
  let server: TestServer;
  let room: CreateRoomResponse;

  beforeAll(async () => {
    server = await startTestServer();
    room = await server.createRoom('ch02-03');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is rate-limited per address: after 20 misses, 429 with Retry-After and a clear message, even for a good code', async () => {
    const unknown = otherCode(room.joinCode);
    // Good lookups are never charged.
    for (let i = 0; i < 30; i++) expect((await get(`${server.url}/j/${room.joinCode}`)).status).toBe(302);
    // 20 misses pass (one more every 3 s refills, which a slow machine may add), then 429.
    let misses = 0;
    let limited: Response | undefined;
    while (!limited && misses < 40) {
      const res = await get(`${server.url}/j/${unknown}`);
      if (res.status === 429) {
        limited = res;
      } else {
        expect(res.status).toBe(404);
        misses++;
      }
    }
    expect(misses).toBeGreaterThanOrEqual(20);
    expect(misses).toBeLessThan(40);
    if (!limited) throw new Error('never limited');
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(3); // one miss refills every 3 s
    expect(await limited.text()).toMatch(/Too many wrong codes from your network\. Wait \d seconds?, then try again\./);

    const json = await get(`${server.url}/j/${room.joinCode}`, 'application/json');
    expect(json.status).toBe(429);
    expect(await json.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^Too many wrong codes/) } });
  });
});
