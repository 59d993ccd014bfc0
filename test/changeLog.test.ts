/**
 * The room's change log in a real room (ch02-03): a late joiner's snapshot carries every change along the current
 * history, hyperparameters and hot lesson options alike, each at the step it took effect; a revert drops the
 * changes after the checkpoint it goes back to, and a reset drops them all.
 */
import type { Annotation, OptionsChanged, FrameBytes, RoomSnapshot } from '@gradcast/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { once, request, startTestServer, type TestServer, type TestSocket } from './support/server.ts';

let server: TestServer;
let roomId: string;
let presenter: TestSocket;

beforeAll(async () => {
  server = await startTestServer();
  const room = await server.createRoom('ch02-03');
  roomId = room.roomId;
  presenter = server.connect({ roomId, presenterKey: room.presenterKey, name: 'Ada' });
  await once(presenter, 'room:snapshot');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** The change log a member joining now receives. */
async function lateJoinerLog(): Promise<Annotation[]> {
  const late = server.connect({ roomId });
  const [snapshot] = await once<[RoomSnapshot, FrameBytes[]]>(late, 'room:snapshot');
  late.close();
  return snapshot.annotations;
}

type StepAck = { ok: boolean; step: number };
const control = (action: string) => request<StepAck & { generation: number }>(presenter, 'run:control', { action });

it('keeps hp and hot option changes at their steps, and edits them as revert and reset edit the history', async () => {
  let { step } = await control('pause');
  const lr = await request<StepAck>(presenter, 'hp:set', { lr: 0.05 });
  expect(lr).toMatchObject({ ok: true, step });
  // Past the next checkpoint (every 20 steps, of θ before the update) and two steps more.
  const checkpoint = Math.ceil((step + 1) / 20) * 20;
  while (step < checkpoint + 2) step = (await control('step')).step;
  const optionSeen = once<OptionsChanged>(presenter, 'options:changed');
  expect(await request(presenter, 'options:set', { lrSchedule: 'exponential' })).toMatchObject({ ok: true });
  expect((await optionSeen).step).toBe(step);

  const log = await lateJoinerLog();
  expect(log.map((a) => [a.step, a.changes])).toEqual([
    [lr.step, { lr: [0.1, 0.05] }],
    [step, { lrSchedule: ['constant', 'exponential'] }],
  ]);
  expect(log[0]?.by).toEqual({ name: 'Ada', role: 'presenter' });

  expect((await control('revert')).step).toBe(checkpoint);
  expect((await lateJoinerLog()).map((a) => a.step)).toEqual([lr.step]);

  await control('reset');
  expect(await lateJoinerLog()).toEqual([]);
});
