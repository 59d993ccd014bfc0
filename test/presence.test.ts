/**
 * Presence that scales (issue 11): a storm of joins costs each member a few small `room:members` updates a second,
 * not one whole member list per join (O(N²) bytes before); everyone hears the count and the people who matter,
 * the presenter pages through everyone on demand, and names are cleaned.
 */
import { MEMBERS_SHOWN, type MembersUpdate, PRESENCE_INTERVAL_MS, type RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const JOINERS = 300;

describe('a storm of joins', () => {
  it('costs each member O(1) presence bytes per join: coalesced updates of the count and the people who matter', async () => {
    const room = await server.createRoom('ch02-03');
    const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey, name: 'Ada' });
    await once(presenter, 'room:snapshot');
    const updates: { at: number; bytes: number; update: MembersUpdate }[] = [];
    presenter.on('room:members', (update) => updates.push({ at: Date.now(), bytes: JSON.stringify(update).length, update }));
    const start = Date.now();
    const joiners: TestSocket[] = [];
    const snapshots: Promise<RoomSnapshot>[] = [];
    for (let i = 0; i < JOINERS; i++) {
      const s = server.connect({ roomId: room.roomId, name: `Student ${i}` });
      joiners.push(s);
      snapshots.push(once<[RoomSnapshot, unknown]>(s, 'room:snapshot', 30_000).then(([snap]) => snap));
    }
    const all = await Promise.all(snapshots);
    // The last joiner's snapshot counts everyone and lists only the presenter.
    const last = all.reduce((a, b) => (b.viewers > a.viewers ? b : a));
    expect(last.viewers).toBe(JOINERS + 1);
    expect(all.every((snap) => snap.members.length <= MEMBERS_SHOWN)).toBe(true);
    expect(last.members.map((m) => m.name)).toEqual(['Ada']);
    // Once the storm is over, one update more brings the final count.
    const end = Date.now() + 5000;
    while (updates.at(-1)?.update.viewers !== JOINERS + 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(updates.at(-1)?.update.viewers).toBe(JOINERS + 1);
    // Coalesced: at most one per interval (and one more at either end), whatever the join rate...
    const spanMs = updates.at(-1)!.at - start;
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(spanMs / PRESENCE_INTERVAL_MS) + 2);
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.at - updates[i - 1]!.at).toBeGreaterThanOrEqual(PRESENCE_INTERVAL_MS - 50);
    // ...and each is small whatever the room's size: the presenter alone is listed.
    expect(Math.max(...updates.map((u) => u.bytes))).toBeLessThan(300);
    expect(updates.length).toBeLessThan(JOINERS / 10);
    // A hundred leave at once: a member hears a few updates, not a hundred.
    const seen: number[] = [];
    joiners[0]!.on('room:members', (u) => seen.push(u.viewers));
    for (const s of joiners.slice(200)) s.disconnect();
    const until = Date.now() + 3000;
    while (seen.at(-1) !== 201 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(seen.at(-1)).toBe(201);
    expect(seen.length).toBeLessThanOrEqual(4);
    for (const s of [presenter, ...joiners]) s.disconnect();
  }, 90_000);
});

/** Joins and subscriptions that asked the training engine for frames so far (/metrics). */
async function takeUps(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^gradcast_takeups_total (\d+)/m.exec(text)?.[1] ?? 0);
}

describe('a storm of joins onto a training room', () => {
  it('is answered by the room alone: no joiner asks the training engine while a member already receives everything', async () => {
    const room = await server.createRoom('ch04-01'); // params, panels and the loss landscape: the costly channels
    const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
    await once(presenter, 'room:snapshot');
    // The presenter receives every channel: the engine makes them all from now on.
    await new Promise((r) => setTimeout(r, 1500));
    const before = await takeUps();
    expect(before).toBeGreaterThan(0); // the presenter's own join asked: nobody was receiving those channels yet
    const joiners = Array.from({ length: 100 }, (_, i) => server.connect({ roomId: room.roomId, name: `S${i}` }));
    const snapshots = await Promise.all(joiners.map((s) => once<[RoomSnapshot, unknown[]]>(s, 'room:snapshot', 30_000)));
    expect(snapshots.every(([, frames]) => frames.length > 0)).toBe(true);
    expect(await takeUps()).toBe(before);
    for (const s of [presenter, ...joiners]) s.disconnect();
  }, 60_000);
});

describe('the people who matter, and everyone on demand', () => {
  it('lists the presenter and granted members; the presenter pages through everyone; viewers may not', async () => {
    const room = await server.createRoom('ch02-03');
    const presenter = server.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
    await once(presenter, 'room:snapshot');
    const viewers: TestSocket[] = [];
    for (let i = 0; i < 7; i++) {
      const s = server.connect({ roomId: room.roomId, name: i === 3 ? ' <b>Eve</b>\u202e\u0007  the\u200b  great ' : `V${i}` });
      viewers.push(s);
      await once(s, 'room:snapshot');
    }
    const page = async (offset: number, limit: number) =>
      request<{ ok: boolean; total: number; members: { id: string; name: string; role: string }[] }>(presenter, 'members:list', { offset, limit });
    const first = await page(0, 5);
    expect(first.total).toBe(8);
    expect(first.members.map((m) => m.role)).toEqual(['presenter', 'viewer', 'viewer', 'viewer', 'viewer']);
    const rest = await page(5, 5);
    expect(rest.members).toHaveLength(3);
    // Names are text, cleaned: no control, zero-width or direction characters, spaces collapsed.
    const eve = [...first.members, ...rest.members].find((m) => m.name.includes('Eve'))!;
    expect(eve.name).toBe('<b>Eve</b> the great');
    // Granting control puts a member among the people who matter, second after the presenter.
    const update = new Promise<MembersUpdate>((resolve) => presenter.on('room:members', (u) => u.members.length === 2 && resolve(u)));
    expect(await request(presenter, 'room:grant', { memberId: eve.id, control: true })).toMatchObject({ ok: true });
    const u = await update;
    expect(u.members.map((m) => m.name)).toEqual(['Presenter', '<b>Eve</b> the great']);
    expect(u.viewers).toBe(8);
    expect((await page(0, 2)).members[1]!.id).toBe(eve.id);
    // Only the presenter lists everyone; bad pages are refused.
    expect(await request(viewers[0]!, 'members:list', { offset: 0, limit: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [{ offset: -1, limit: 5 }, { offset: 0, limit: 0 }, { offset: 0, limit: 101 }, { offset: 'x', limit: 5 }, null]) {
      expect(await request(presenter, 'members:list', bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    for (const s of [presenter, ...viewers]) s.disconnect();
  }, 30_000);
});

describe('a member cap', () => {
  it('refuses a joiner past it with a clear message, and always admits the presenter', async () => {
    const small = await startTestServer({ maxMembers: 3 });
    try {
      const room = await small.createRoom('ch02-03');
      const admitted = [small.connect({ roomId: room.roomId, presenterKey: room.presenterKey }), small.connect({ roomId: room.roomId }), small.connect({ roomId: room.roomId })];
      for (const s of admitted) await once(s, 'room:snapshot');
      const refused = small.connect({ roomId: room.roomId });
      const err = await once<Error>(refused, 'connect_error');
      expect(err.message).toBe('room is full: it holds at most 3 members');
      const presenter = small.connect({ roomId: room.roomId, presenterKey: room.presenterKey });
      const [snapshot] = await once<[RoomSnapshot, unknown]>(presenter, 'room:snapshot');
      expect(snapshot.viewers).toBe(4);
    } finally {
      await small.close();
    }
  }, 60_000);
});
