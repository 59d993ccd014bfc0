/**
 * The origin allowlist (issue 13, GRADCAST_ORIGINS): a page on another site can neither open the socket nor use
 * the API; a listed origin can (with CORS); the server's own pages and clients without an Origin (scripts, the
 * contract's socket.io-client in Node) are unaffected.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';

const LISTED = 'https://slides.example.org';
let server: TestServer;
let roomId = '';

beforeAll(async () => {
  server = await startTestServer({ origins: [LISTED] });
  roomId = (await server.createRoom('ch02-03')).roomId;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** Joins as a viewer from a page on `origin` (none: not a page); resolves with 'joined' or the refusal. */
function joinFrom(origin: string | null): Promise<string> {
  const socket = io(server.url, {
    auth: { roomId },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  return new Promise((resolve) => {
    socket.once('room:snapshot', () => (socket.close(), resolve('joined')));
    socket.once('connect_error', (err) => (socket.close(), resolve(`refused: ${err.message}`)));
  });
}

it('the socket: another site is refused; a listed one, the server itself and a script get in', async () => {
  expect(await joinFrom('https://evil.example')).toMatch(/^refused/);
  expect(await joinFrom(LISTED)).toBe('joined');
  expect(await joinFrom(server.url)).toBe('joined');
  expect(await joinFrom(null)).toBe('joined');
}, 30_000);

it('the API: another site gets 403 saying why; a listed one gets CORS and its preflight answered', async () => {
  const evil = await fetch(`${server.url}/api/lessons`, { headers: { origin: 'https://evil.example' } });
  expect(evil.status).toBe(403);
  expect(await evil.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/GRADCAST_ORIGINS/) } });
  const listed = await fetch(`${server.url}/api/lessons`, { headers: { origin: LISTED } });
  expect(listed.status).toBe(200);
  expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
  const preflight = await fetch(`${server.url}/api/rooms`, { method: 'OPTIONS', headers: { origin: LISTED, 'access-control-request-method': 'POST' } });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  // Its own pages and scripts are unaffected.
  expect((await fetch(`${server.url}/api/lessons`, { headers: { origin: server.url } })).status).toBe(200);
  expect((await fetch(`${server.url}/api/lessons`)).status).toBe(200);
  // Refused changes nothing: no room was made for the other site.
  const before = server.app.rooms.list().length;
  const made = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"lesson":"ch02-03"}' });
  expect(made.status).toBe(403);
  expect(server.app.rooms.list().length).toBe(before);
}, 30_000);
