/**
 * Fast-forward over real sockets (issue 12): the presenter of a ch08-08 room (four momentum runs, 75 steps per epoch,
 * a default pace of 30 steps/s) fast-forwards to a step and to an epoch's end; a viewer sees the progress in run:status
 * and the notice when it is done; the run is paused exactly at the target, for the room's status too. Refusals change
 * nothing, and a pause or a reset cancels a fast-forward under way, telling everyone.
 */
import { FAST_FORWARD_MAX_STEPS, type FastForwardEnded, type RunStatus } from '@gradcast/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let roomId: string;
let presenter: TestSocket;
let viewer: TestSocket;
/** What the viewer heard, in order. */
const statuses: RunStatus[] = [];
const notices: FastForwardEnded[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch08-08');
  roomId = room.roomId;
  presenter = server.connect({ roomId, presenterKey: room.presenterKey, name: 'Ada' });
  viewer = server.connect({ roomId, name: 'Student' });
  viewer.on('run:status', (s) => statuses.push(s));
  viewer.on('run:fastForwarded', (n) => notices.push(n));
  await Promise.all([once(presenter, 'room:snapshot'), once(viewer, 'room:snapshot')]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const until = async (check: () => boolean, ms = 60_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The room as GET /api/rooms/<id> reports it. */
const roomStatus = async (): Promise<{ state: string; step: number; generation: number }> => (await fetch(`${server.url}/api/rooms/${roomId}`)).json();

describe('fast-forward', () => {
  it('to a step: full speed, progress seen by a viewer, paused exactly there, and a notice to everyone', async () => {
    const start = (await roomStatus()).step;
    const to = start + 3000; // 100 s at the lesson's 30 steps/s
    const presenterNotice = once<FastForwardEnded>(presenter, 'run:fastForwarded', 60_000);
    const t0 = Date.now();
    const ack = await request<{ ok: true; forward: { from: number; to: number }; state: string }>(presenter, 'run:fastForward', { toStep: to });
    expect(ack).toMatchObject({ ok: true, state: 'running', forward: { to, by: { name: 'Ada', role: 'presenter' } } });
    await until(() => notices.length === 1);
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeLessThan(60);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ outcome: 'done', from: ack.forward.from, to, step: to, by: { name: 'Ada', role: 'presenter' } });
    expect(notice.seconds).toBeGreaterThan(0);
    expect(await presenterNotice).toEqual(notice);
    // Progress: run:status with the fast-forward under way, several of them part way.
    const progress = statuses.filter((s) => s.forward?.to === to);
    const partWay = progress.filter((s) => s.step > ack.forward.from && s.step < to);
    console.log(`fast-forwarded ${to - ack.forward.from} steps in ${notice.seconds} s; the viewer saw ${progress.length} progress statuses, ${partWay.length} part way`);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    if (notice.seconds > 1.5) expect(partWay.length).toBeGreaterThanOrEqual(2);
    // Paused exactly at the target, as the viewer's last status and the room's HTTP status say.
    await until(() => statuses.at(-1)?.state === 'paused');
    expect(statuses.at(-1)).toMatchObject({ state: 'paused', step: to });
    expect(statuses.at(-1)!.forward).toBeUndefined();
    expect(await roomStatus()).toMatchObject({ state: 'paused', step: to });
  }, 90_000);

  it('to the end of an epoch (75 steps each here)', async () => {
    const { step } = await roomStatus();
    const epoch = Math.floor(step / 75) + 2;
    const ack = await request(presenter, 'run:fastForward', { toEpoch: epoch });
    expect(ack).toMatchObject({ ok: true, forward: { to: epoch * 75, epoch } });
    await until(() => notices.length === 2);
    expect(notices[1]).toMatchObject({ outcome: 'done', step: epoch * 75, epoch });
    await until(() => statuses.at(-1)?.state === 'paused' && statuses.at(-1)?.step === epoch * 75);
    expect(await roomStatus()).toMatchObject({ state: 'paused', step: epoch * 75 });
  });

  it('refuses a viewer of a locked room, a target behind or too far, and bad payloads, changing nothing', async () => {
    const before = await roomStatus();
    expect(await request(viewer, 'run:fastForward', { toStep: before.step + 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request(presenter, 'run:fastForward', { toStep: before.step })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/nothing to fast-forward/) },
    });
    expect(await request(presenter, 'run:fastForward', { toEpoch: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await request(presenter, 'run:fastForward', { toStep: before.step + FAST_FORWARD_MAX_STEPS + 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/too far/) },
    });
    const bad: unknown[] = [{ toStep: 2.5 }, { toStep: 0 }, { toStep: -5 }, { toStep: '9000' }, { toStep: null }, {}, { toStep: 9000, toEpoch: 200 }, { step: 9000 }, null, 'fast', [9000]];
    for (const payload of bad) {
      expect(await request(presenter, 'run:fastForward', payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await roomStatus()).toEqual(expect.objectContaining({ state: 'paused', step: before.step, generation: before.generation }));
    expect(notices).toHaveLength(2);
  });

  it('a pause cancels it where it is, a reset with a new generation; everyone hears how it ended', async () => {
    const far = { toStep: (await roomStatus()).step + FAST_FORWARD_MAX_STEPS };
    expect(await request(presenter, 'run:fastForward', far)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    const paused = await request<{ ok: true; step: number; state: string }>(presenter, 'run:control', { action: 'pause' });
    expect(paused).toMatchObject({ ok: true, state: 'paused' });
    await until(() => notices.length === 3);
    expect(notices[2]).toMatchObject({ outcome: 'cancelled', reason: 'cancelled by pause', step: paused.step, to: far.toStep });
    await new Promise((r) => setTimeout(r, 300));
    expect(await roomStatus()).toMatchObject({ state: 'paused', step: paused.step });

    const generation = (await roomStatus()).generation;
    expect(await request(presenter, 'run:fastForward', { toStep: paused.step + FAST_FORWARD_MAX_STEPS })).toMatchObject({ ok: true });
    expect(await request(presenter, 'run:control', { action: 'reset' })).toMatchObject({ ok: true, step: 0, generation: generation + 1 });
    await until(() => notices.length === 4);
    expect(notices[3]).toMatchObject({ outcome: 'cancelled', reason: 'cancelled by reset', step: 0, generation: generation + 1 });
  });

  it('is refused in a demo lesson', async () => {
    const demo = await server.createRoom('ch09-01');
    const p = server.connect({ roomId: demo.roomId, presenterKey: demo.presenterKey });
    await once(p, 'room:snapshot');
    expect(await request(p, 'run:fastForward', { toStep: 10 })).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/demo/) } });
    p.close();
  });
});
