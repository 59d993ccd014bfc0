/**
 * Teaching beside the run (issue 12), over real sockets: the presenter's view relayed to the room and kept for
 * joiners; a poll asked, answered, tallied for the presenter only, then revealed to everyone; raised hands the
 * presenter sees and lowers; and a member's own look inside the model (view:explore: their own sample), computed by
 * the training worker and answered to that member alone, leaving the room's run and frames as they were.
 */
import { decodeFrame, type FollowView, type HandsView, type PollView, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

type Res = { ok: boolean; error?: { code: string; message: string }; [k: string]: unknown };

async function join(roomId: string, name: string, presenterKey?: string): Promise<{ socket: TestSocket; snapshot: RoomSnapshot }> {
  const socket = server.connect({ roomId, name, ...(presenterKey ? { presenterKey } : {}) });
  const [snapshot] = await once<[RoomSnapshot, unknown]>(socket, 'room:snapshot', 30_000);
  return { socket, snapshot };
}

/** The next `event` whose payload passes `ok`. */
function next<T>(socket: TestSocket, event: string, ok: (v: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching "${event}" within ${ms} ms`)), ms);
    const on = (v: T): void => {
      if (!ok(v)) return;
      clearTimeout(timer);
      (socket as unknown as { off: (e: string, f: unknown) => void }).off(event, on);
      resolve(v);
    };
    (socket as unknown as { on: (e: string, f: unknown) => void }).on(event, on);
  });
}

describe('follow the presenter', () => {
  it('relays the presenter’s view to the room, keeps it for joiners, and refuses it from anyone else', async () => {
    const room = await server.createRoom('ch02-03');
    const { socket: presenter } = await join(room.roomId, 'Ada', room.presenterKey);
    const { socket: student } = await join(room.roomId, 'Bo');
    const camera = { position: [1.5, -2, 2.5], target: [0, 0, 0.2] };
    const heard = next<FollowView>(student, 'view:follow', (v) => v.panel === 'loss');
    expect(await request<Res>(presenter, 'view:follow', { camera, panel: 'loss' })).toEqual({ ok: true });
    expect(await heard).toEqual({ camera, panel: 'loss' });
    // A panel change alone keeps the camera.
    await request(presenter, 'view:follow', { panel: 'contour' });
    const { snapshot } = await join(room.roomId, 'Late');
    expect(snapshot.follow).toEqual({ camera, panel: 'contour' });

    const refused = await request<Res>(student, 'view:follow', { panel: 'data' });
    expect(refused.error?.code).toBe('forbidden');
    const bad = await request<Res>(presenter, 'view:follow', { camera: { position: [Infinity, 0, 0], target: [0, 0, 0] } });
    expect(bad.error?.code).toBe('invalid');
    expect((await join(room.roomId, 'Later')).snapshot.follow).toEqual({ camera, panel: 'contour' });
  });
});

describe('a poll', () => {
  it('is asked, answered (changeably), tallied for the presenter only, revealed to all, and shown to late joiners', async () => {
    const room = await server.createRoom('ch02-03');
    const { socket: presenter } = await join(room.roomId, 'Ada', room.presenterKey);
    const { socket: a } = await join(room.roomId, 'Asha');
    const { socket: b } = await join(room.roomId, 'Bo');
    const question = { question: 'What will the loss do if I set lr = 1?', options: ['goes down', 'oscillates', 'diverges'] };

    expect((await request<Res>(a, 'poll:open', question)).error?.code).toBe('forbidden');
    expect((await request<Res>(presenter, 'poll:open', { question: 'q', options: ['only one'] })).error?.code).toBe('invalid');
    const studentSees = next<PollView>(a, 'poll:state', (p) => p !== null);
    const opened = await request<Res & { poll: PollView }>(presenter, 'poll:open', question);
    expect(opened.ok).toBe(true);
    const id = opened.poll.id;
    expect(await studentSees).toMatchObject({ id, state: 'open', counts: null, answered: 0, options: question.options });

    expect(await request(a, 'poll:answer', { id, choice: 2 })).toEqual({ ok: true, choice: 2 });
    expect(await request(a, 'poll:answer', { id, choice: 1 })).toEqual({ ok: true, choice: 1 }); // changed
    expect(await request(b, 'poll:answer', { id, choice: 2 })).toEqual({ ok: true, choice: 2 });
    expect((await request<Res>(b, 'poll:answer', { id, choice: 3 })).error?.code).toBe('invalid');
    expect((await request<Res>(b, 'poll:answer', { id: 'nope', choice: 0 })).error?.code).toBe('not_found');
    // The presenter's tally (coalesced, ≤ 2 a second) reaches [0, 1, 1]; a student meanwhile sees counts: null.
    const tally = await next<PollView>(presenter, 'poll:state', (p) => p?.answered === 2);
    expect(tally.counts).toEqual([0, 1, 1]);
    const { snapshot: late } = await join(room.roomId, 'Late');
    expect(late.poll).toMatchObject({ id, state: 'open', counts: null, answered: 2, yours: null });

    expect((await request<Res>(a, 'poll:reveal', { id })).error?.code).toBe('forbidden');
    const revealed = next<PollView>(b, 'poll:state', (p) => p?.state === 'revealed');
    expect(await request(presenter, 'poll:reveal', { id })).toEqual({ ok: true });
    expect((await revealed).counts).toEqual([0, 1, 1]);
    expect((await request<Res>(a, 'poll:answer', { id, choice: 0 })).error?.code).toBe('conflict');

    const closed = next<PollView | null>(a, 'poll:state', (p) => p === null);
    expect(await request(presenter, 'poll:close', { id })).toEqual({ ok: true });
    await closed;
    expect((await join(room.roomId, 'After')).snapshot.poll).toBeUndefined();
  });
});

describe('raised hands', () => {
  it('the presenter sees the count and names, and lowers one or all; the member hears their hand lowered', async () => {
    const room = await server.createRoom('ch02-03');
    const { socket: presenter, snapshot } = await join(room.roomId, 'Ada', room.presenterKey);
    expect(snapshot.hands).toEqual({ count: 0, raised: [] });
    const { socket: a, snapshot: sa } = await join(room.roomId, 'Asha');
    expect(sa.hands).toBeUndefined();
    const { socket: b } = await join(room.roomId, 'Bo');
    expect(await request(a, 'hand:raise', { raised: true })).toEqual({ ok: true });
    expect(await request(b, 'hand:raise', { raised: true })).toEqual({ ok: true });
    const both = await next<HandsView>(presenter, 'hands:state', (h) => h.count === 2);
    expect(both.raised.map((r) => r.name)).toEqual(['Asha', 'Bo']);
    expect((await request<Res>(a, 'hands:lower', {})).error?.code).toBe('forbidden');
    expect((await request<Res>(a, 'hand:raise', { raised: 'yes' })).error?.code).toBe('invalid');

    const aLowered = next<{ raised: boolean }>(a, 'hand:you');
    const id = both.raised[0]!.id;
    expect(await request(presenter, 'hands:lower', { memberId: id })).toEqual({ ok: true });
    expect(await aLowered).toEqual({ raised: false });
    expect((await next<HandsView>(presenter, 'hands:state', (h) => h.count === 1)).raised.map((r) => r.name)).toEqual(['Bo']);
    // A member who leaves lowers theirs.
    b.disconnect();
    await next<HandsView>(presenter, 'hands:state', (h) => h.count === 0);
  });
});

describe('explore on your own', () => {
  it('computes a member’s own sample’s views for that member alone; the room’s run and views stay as they were', async () => {
    const room = await server.createRoom('ch09-04');
    const { socket: presenter } = await join(room.roomId, 'Ada', room.presenterKey);
    const { socket: a, snapshot } = await join(room.roomId, 'Asha');
    const { socket: b } = await join(room.roomId, 'Bo');
    expect(snapshot.options?.sample).toBe(0);
    await request(presenter, 'run:control', { action: 'pause' });
    /** Explore frames another member was sent: there must be none. */
    const leaked: unknown[] = [];
    b.on('frames', (frames) => {
      for (const bytes of frames) if (decodeFrame(bytes as Uint8Array).meta.explore) leaked.push(bytes);
    });

    const res = await request<Res & { frames: ArrayBuffer[] }>(a, 'view:explore', { sample: 700 });
    expect(res.ok).toBe(true);
    expect(res.frames.length).toBe(1);
    const own = decodeFrame(new Uint8Array(res.frames[0] as ArrayBuffer));
    expect(own.channel).toBe('panels');
    expect(own.meta.explore).toBe(true);
    // The room's own views, asked for fresh, still show sample 0: compare the input image field.
    const latest = await server.app.rooms.request(server.app.rooms.get(room.roomId)!, { t: 'latest', roomId: room.roomId, channels: ['panels'] });
    const roomPanels = decodeFrame(latest.frames![0]!.bytes);
    const names = Object.keys(own.fields);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(Object.keys(roomPanels.fields));
    const differs = names.some((n) => {
      const x = own.fields[n]!.data;
      const y = roomPanels.fields[n]!.data;
      return x.length !== y.length || x.some((v, k) => v !== y[k]);
    });
    expect(differs).toBe(true);
    // The room's option is untouched, and nobody else was sent the member's views.
    const status = await (await fetch(`${server.url}/api/rooms/${room.roomId}`)).json();
    expect(status.state).toBe('paused');
    expect(server.app.rooms.get(room.roomId)!.options?.sample).toBe(0);
    expect(leaked).toEqual([]);

    expect((await request<Res>(a, 'view:explore', { shuffle: false })).error?.code).toBe('invalid');
    expect((await request<Res>(a, 'view:explore', { sample: 5000 })).error?.code).toBe('invalid');
    // Rate-limited per member: a burst of requests gets `unavailable` past the limit.
    const burst = await Promise.all(Array.from({ length: 6 }, (_, k) => request<Res>(a, 'view:explore', { sample: k })));
    expect(burst.some((r) => r.error?.code === 'unavailable')).toBe(true);
  });

  it('a lesson without a sample or drawing refuses it', async () => {
    const room = await server.createRoom('ch02-03');
    const { socket } = await join(room.roomId, 'Asha');
    expect((await request<Res>(socket, 'view:explore', { sample: 1 })).error?.code).toBe('unsupported');
  });
});
