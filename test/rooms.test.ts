/**
 * Two real socket.io-client members on a real server (port 0): joining, roles, hp:set, run:control, frames.
 */
import { decodeFrame, type FrameBytes, type HpChanged, peekFrame, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let roomId: string;
let presenter: TestSocket;
let viewer: TestSocket;

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch02-03');
  roomId = room.roomId;
  presenter = server.connect({ roomId, presenterKey: room.presenterKey, name: 'Ada' });
  const presenterSnap = once<[RoomSnapshot, FrameBytes[]]>(presenter, 'room:snapshot');
  viewer = server.connect({ roomId, name: 'Student' });
  const viewerSnap = once<[RoomSnapshot, FrameBytes[]]>(viewer, 'room:snapshot');
  const [[ps], [vs, frames]] = await Promise.all([presenterSnap, viewerSnap]);
  expect(ps.you.role).toBe('presenter');
  expect(vs.you.role).toBe('viewer');
  expect(vs.you.canControl).toBe(false);
  expect(vs.locked).toBe(true);
  // A late joiner gets one snapshot holding the static channels too.
  expect(frames.map((f) => peekFrame(f).channel).sort()).toEqual(['data', 'fit', 'metrics', 'params', 'path', 'surface']);
});

afterAll(async () => {
  await server?.close();
});

describe('joining by handshake', () => {
  it('refuses an unknown room', async () => {
    const s = server.connect({ roomId: 'nope' });
    const err = await once<Error>(s, 'connect_error');
    expect(err.message).toBe('room not found');
  });

  it('refuses a wrong presenter key', async () => {
    const s = server.connect({ roomId, presenterKey: 'wrong' });
    const err = await once<Error>(s, 'connect_error');
    expect(err.message).toBe('bad presenter key');
  });

  it('refuses a malformed handshake with a reason', async () => {
    const s = server.connect({ roomId: 42 as unknown as string });
    const err = await once<Error>(s, 'connect_error');
    expect(err.message).toMatch(/bad handshake/);
  });
});

describe('live control', () => {
  it('presenter sets lr: both members receive hp:changed, frames keep coming with rising steps', async () => {
    const seen = [once<HpChanged>(presenter, 'hp:changed'), once<HpChanged>(viewer, 'hp:changed')];
    const ack = await request<{ ok: boolean; applied: object; step: number }>(presenter, 'hp:set', { lr: 0.05 });
    expect(ack).toMatchObject({ ok: true, applied: { lr: 0.05 } });
    const [a, b] = await Promise.all(seen);
    for (const change of [a!, b!]) {
      expect(change.changes).toEqual({ lr: [0.1, 0.05] });
      expect(change.by).toEqual({ name: 'Ada', role: 'presenter' });
      expect(change.step).toBe(ack.step);
    }
    // Frames after the change: metrics frames with strictly rising steps.
    const steps = new Map<string, number[]>();
    const onFrames = (frames: FrameBytes[]): void => {
      for (const bytes of frames) {
        const head = peekFrame(bytes);
        steps.set(head.channel, [...(steps.get(head.channel) ?? []), head.step]);
      }
    };
    viewer.on('frames', onFrames);
    await new Promise((r) => setTimeout(r, 1500));
    viewer.off('frames', onFrames);
    // Every live channel arrives, each with strictly rising steps.
    expect([...steps.keys()].sort()).toEqual(['fit', 'metrics', 'params', 'path']);
    for (const s of steps.values()) {
      expect(s.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
    }
  });

  it("refuses a viewer's hp:set in a locked room, and changes nothing", async () => {
    const ack = await request<{ ok: boolean; error: { code: string } }>(viewer, 'hp:set', { lr: 1 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ctl = await request<{ ok: boolean; error: { code: string } }>(viewer, 'run:control', { action: 'pause' });
    expect(ctl).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const status = await (await fetch(`${server.url}/api/rooms/${roomId}`)).json();
    expect(status.hyperparameters.lr).toBe(0.05);
    expect(status.state).toBe('running');
  });

  it('refuses invalid patches whole, with a reason', async () => {
    const cases: [unknown, RegExp][] = [
      [{ lr: -1 }, /lr/],
      [{ lr: 'fast' }, /lr/],
      [{ bogus: 1 }, /unknown hyperparameter/],
      [{ momentum: 0.5 }, /no control "momentum"/],
      [{ lr: 0.2, speed: -3 }, /speed/],
      [[1, 2], /object/],
      [null, /object/],
      [{}, /at least one/],
    ];
    for (const [payload, message] of cases) {
      const ack = await request<{ ok: boolean; error: { code: string; message: string } }>(presenter, 'hp:set', payload);
      expect(ack.ok).toBe(false);
      expect(ack.error.message).toMatch(message);
    }
    const status = await (await fetch(`${server.url}/api/rooms/${roomId}`)).json();
    expect(status.hyperparameters).toEqual({ lr: 0.05, speed: 5 });
  });

  it('survives payloads without an ack callback and garbage events', async () => {
    (presenter as unknown as { emit: (e: string, p: unknown) => void }).emit('hp:set', { lr: 'x' });
    (presenter as unknown as { emit: (e: string, p: unknown) => void }).emit('run:control', 'boom');
    const ack = await request<{ ok: boolean }>(presenter, 'run:control', { action: 'explode' });
    expect(ack.ok).toBe(false);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('pause, step and play: the state and step follow, and members hear run:status', async () => {
    const paused = await request<{ ok: boolean; state: string; step: number }>(presenter, 'run:control', { action: 'pause' });
    expect(paused).toMatchObject({ ok: true, state: 'paused' });
    const stepped = await request<{ ok: boolean; step: number }>(presenter, 'run:control', { action: 'step' });
    expect(stepped.step).toBe(paused.step + 1);
    const status = await (await fetch(`${server.url}/api/rooms/${roomId}`)).json();
    expect(status).toMatchObject({ state: 'paused', step: paused.step + 1, viewers: 2 });
    const heard = once<{ state: string }>(viewer, 'run:status');
    await request(presenter, 'run:control', { action: 'play' });
    expect((await heard).state).toBe('running');
  });

  it('reset starts a new generation whose surface reaches the viewer reliably', async () => {
    const surfaces: number[] = [];
    const onFrames = (frames: FrameBytes[]): void => {
      for (const f of frames.map((b) => decodeFrame(b))) if (f.channel === 'surface') surfaces.push(f.generation);
    };
    viewer.on('frames', onFrames);
    const ack = await request<{ ok: boolean; generation: number; step: number }>(presenter, 'run:control', { action: 'reset' });
    expect(ack).toMatchObject({ ok: true, step: 0 });
    await new Promise((r) => setTimeout(r, 500));
    viewer.off('frames', onFrames);
    expect(surfaces).toContain(ack.generation);
  });

  it('unlocking lets a viewer control; granting works while locked', async () => {
    const you = once<{ canControl: boolean }>(viewer, 'room:you');
    expect(await request(presenter, 'room:lock', { locked: false })).toEqual({ ok: true });
    expect((await you).canControl).toBe(true);
    expect(await request(viewer, 'hp:set', { speed: 10 })).toMatchObject({ ok: true });
    expect(await request(viewer, 'room:lock', { locked: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await request(presenter, 'room:lock', { locked: true });
    expect(await request(viewer, 'hp:set', { speed: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const members = await (await fetch(`${server.url}/api/rooms/${roomId}`)).json();
    expect(members.viewers).toBe(2);
    // room:members lists only the people who matter now (issue 11): the presenter pages through everyone.
    const page = await request<{ members: { id: string; role: string }[] }>(presenter, 'members:list', { offset: 0, limit: 10 });
    const viewerId = page.members.find((m) => m.role === 'viewer')!.id;
    expect(await request(presenter, 'room:grant', { memberId: viewerId, control: true })).toEqual({ ok: true });
    expect(await request(viewer, 'hp:set', { speed: 5 })).toMatchObject({ ok: true });
    expect(await request(presenter, 'room:grant', { memberId: 'ghost', control: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('HTTP contract', () => {
  it('serves health, lessons and metrics', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, backend: 'wasm' });
    expect(typeof health.uptimeSeconds).toBe('number');
    const lessons = await (await fetch(`${server.url}/api/lessons`)).json();
    expect(lessons).toContainEqual({ id: 'ch02-03', title: expect.any(String), chapter: 2, trains: true, controls: ['lr', 'speed'] });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/gradcast_frames_sent_total/);
    expect(metrics).toMatch(/gradcast_members 2/);
  });

  it('creates rooms with contract URLs and refuses unknown lessons and bad bodies', async () => {
    const room = await server.createRoom();
    expect(room.viewerUrl).toBe(`${server.url}/r/${room.roomId}`);
    expect(room.presenterUrl).toBe(`${room.viewerUrl}#key=${room.presenterKey}`);
    expect(Buffer.from(room.roomId, 'base64url').length * 8).toBeGreaterThanOrEqual(96);
    expect(Buffer.from(room.presenterKey, 'base64url').length * 8).toBeGreaterThanOrEqual(96);
    const post = (body: string) =>
      fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const unknown = await post('{"lesson":"ch99-99"}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: { code: 'invalid', message: expect.stringMatching(/unknown lesson/) } });
    const broken = await post('{"lesson":');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid');
    const missing = await post('{}');
    expect(missing.status).toBe(400);
    const notFound = await fetch(`${server.url}/api/rooms/does-not-exist`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
