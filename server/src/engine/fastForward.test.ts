/**
 * Fast-forward in the engine (issue 12): full speed to a step or an epoch's end, paused exactly there, whatever the
 * room's speed; the targets it refuses (nothing changes); and what ends it early: a run:control, a new fast-forward, a
 * new generation, the run stopping by itself. Driven in-process, as host.test.ts does, on the cpu backend.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { FAST_FORWARD_MAX_STEPS, type FastForwardEnded, type RunStatus } from '@gradcast/shared';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getTrainingLesson } from '../lessons/registry.ts';
import { Trainer } from '../train/trainer.ts';
import { FastForward, resolveTarget } from './fastForward.ts';
import { EngineHost } from './host.ts';
import type { EngineRequest, ReplyResult, WorkerMessage } from './messages.ts';

const BY = { name: 'Ada', role: 'presenter' as const };

/** What `fn` throws (a test fails when it throws nothing). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('resolveTarget', () => {
  it('takes a step as it is and an epoch as its last step (epoch N ends after N · steps per epoch)', () => {
    expect(resolveTarget({ toStep: 5000 }, 800, 600)).toEqual({ to: 5000 });
    expect(resolveTarget({ toEpoch: 3 }, 800, 600)).toEqual({ to: 1800, epoch: 3 });
    expect(resolveTarget({ toEpoch: 1 }, 0, 1)).toEqual({ to: 1, epoch: 1 });
  });

  it('refuses a target that is not ahead (conflict) or too far ahead (invalid), saying where the run is', () => {
    expect(() => resolveTarget({ toStep: 800 }, 800, 600)).toThrow(/nothing to fast-forward: step 800, and the run is at step 800/);
    expect(() => resolveTarget({ toEpoch: 1 }, 800, 600)).toThrow(/epoch 1 ended at step 600 \(600 steps per epoch\), and the run is at step 800/);
    expect(thrown(() => resolveTarget({ toStep: 10 }, 20, 1))).toMatchObject({ code: 'conflict' });
    expect(resolveTarget({ toStep: 100 + FAST_FORWARD_MAX_STEPS }, 100, 1)).toEqual({ to: 100 + FAST_FORWARD_MAX_STEPS });
    expect(() => resolveTarget({ toStep: 101 + FAST_FORWARD_MAX_STEPS }, 100, 1)).toThrow(/too far: a fast-forward goes at most 1,000,000 steps ahead/);
    expect(thrown(() => resolveTarget({ toEpoch: 20_000 }, 0, 100))).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^the end of epoch 20,000 \(step 2,000,000\) is too far/),
    });
  });

  it('ends with how, where the run is and how long it took', () => {
    const f = new FastForward({ from: 800, to: 5000, by: BY }, 2, 1000);
    expect(f.reached(4999)).toBe(false);
    expect(f.reached(5000)).toBe(true);
    expect(f.end('done', { step: 5000, generation: 2 }, 4100)).toEqual({ from: 800, to: 5000, by: BY, outcome: 'done', step: 5000, generation: 2, seconds: 3.1 });
    expect(f.end('cancelled', { step: 900, generation: 2 }, 1500, 'cancelled by pause')).toMatchObject({ seconds: 0.5, reason: 'cancelled by pause' });
  });
});

describe('the engine', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  let host: EngineHost | null = null;
  afterEach(() => host?.close());

  /** A host with one room of `lessonId`, everything it posts kept. */
  async function start(lessonId: string, hp: Record<string, unknown>) {
    const posted: WorkerMessage[] = [];
    host = new EngineHost((m) => posted.push(m), 30);
    let id = 1;
    const ask = async (body: Record<string, unknown>): Promise<{ ok: true; result: ReplyResult } | { ok: false; code: string; message: string }> => {
      const req = { ...body, id: ++id, roomId: 'r' } as EngineRequest;
      await host!.handle(req);
      const r = posted.find((m) => m.t === 'reply' && m.id === req.id);
      if (!r || r.t !== 'reply') throw new Error('no reply');
      return r.ok ? { ok: true, result: r.result } : { ok: false, code: r.code, message: r.message };
    };
    await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId, seed: 1, hp });
    const ended = (): FastForwardEnded[] => posted.flatMap((m) => (m.t === 'forwarded' ? [m.ended] : []));
    const statuses = (): RunStatus[] => posted.flatMap((m) => (m.t === 'frames' ? [m.status] : []));
    const until = async (check: () => boolean, ms = 20_000): Promise<void> => {
      const end = performance.now() + ms;
      while (!check()) {
        if (performance.now() > end) throw new Error('condition not reached in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    return { posted, ask, ended, statuses, until };
  }

  it('goes at full speed to the step asked for, pauses exactly there, and keeps the room its own speed', async () => {
    const { ask, ended, statuses, until } = await start('ch02-03', { speed: 1 });
    await ask({ t: 'control', action: 'pause' });
    const t0 = performance.now();
    const reply = await ask({ t: 'forward', target: { toStep: 300 }, by: BY });
    expect(reply).toMatchObject({ ok: true, result: { status: { state: 'running', step: 0, forward: { from: 0, to: 300, by: BY } } } });
    await until(() => ended().length > 0);
    // 300 steps at the room's speed of 1 a second would take five minutes.
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(ended()).toEqual([{ from: 0, to: 300, by: BY, outcome: 'done', step: 300, generation: 1, seconds: expect.any(Number) }]);
    // Progress went out with the frames; the last status is the run paused at the target, the fast-forward over.
    expect(statuses().some((s) => s.forward && s.step > 0 && s.step < 300)).toBe(true);
    expect(statuses().at(-1)).toMatchObject({ state: 'paused', step: 300 });
    expect(statuses().at(-1)!.forward).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    const after = await ask({ t: 'latest', channels: [] });
    expect(after).toMatchObject({ ok: true, result: { status: { state: 'paused', step: 300 }, hp: { speed: 1 } } });
    expect(after.ok && after.result.status.forward).toBeUndefined();
  });

  it('stops at the end of an epoch, or earlier where the lesson pauses after an epoch first', async () => {
    const lesson = getTrainingLesson('ch03-02')!;
    const probe = new Trainer(lesson, 1);
    const perEpoch = probe.stepsPerEpoch();
    probe.dispose();
    expect(perEpoch).toBeGreaterThan(1);
    const { ask, ended, until } = await start('ch03-02', { speed: 2 });
    expect(await ask({ t: 'forward', target: { toEpoch: 2 }, by: BY })).toMatchObject({ ok: true, result: { status: { forward: { to: 2 * perEpoch, epoch: 2 } } } });
    await until(() => ended().length > 0);
    expect(ended()[0]).toMatchObject({ outcome: 'done', step: 2 * perEpoch, epoch: 2 });
    // The lesson's own "pause after epoch 3" comes before epoch 5's end: the run stops there, and says so.
    await ask({ t: 'options', values: { stopAfterEpochs: 3 } });
    await ask({ t: 'forward', target: { toEpoch: 5 }, by: BY });
    await until(() => ended().length > 1);
    expect(ended()[1]).toMatchObject({ outcome: 'stopped', step: 3 * perEpoch, reason: `the run paused at step ${3 * perEpoch}, before step ${5 * perEpoch}` });
  });

  it('refuses what it cannot do and changes nothing', async () => {
    const { ask, ended } = await start('ch02-03', { speed: 1 });
    await ask({ t: 'control', action: 'pause' });
    await ask({ t: 'control', action: 'step' });
    await ask({ t: 'control', action: 'step' });
    expect(await ask({ t: 'forward', target: { toStep: 2 }, by: BY })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await ask({ t: 'forward', target: { toStep: 3 + FAST_FORWARD_MAX_STEPS }, by: BY })).toMatchObject({ ok: false, code: 'invalid' });
    const now = await ask({ t: 'latest', channels: [] });
    expect(now).toMatchObject({ ok: true, result: { status: { state: 'paused', step: 2 } } });
    expect(now.ok && now.result.status.forward).toBeUndefined();
    expect(ended()).toEqual([]);
  });

  it('refuses a demo', async () => {
    const posted: WorkerMessage[] = [];
    host = new EngineHost((m) => posted.push(m), 30);
    await host.handle({ t: 'create', id: 1, roomId: 'd', lessonId: 'ch09-01', seed: 1, hp: {} });
    await host.handle({ t: 'forward', id: 2, roomId: 'd', target: { toStep: 10 }, by: BY });
    expect(posted.find((m) => m.t === 'reply' && m.id === 2)).toMatchObject({ ok: false, code: 'invalid', message: expect.stringMatching(/demo/) });
  });

  it('a pause, a play, a reset, a rebuild or a new fast-forward ends it early; a play goes on at the room’s own speed', async () => {
    const { ask, ended, until } = await start('ch02-03', { speed: 2 });
    const far = { toStep: FAST_FORWARD_MAX_STEPS };
    const status = async (): Promise<RunStatus> => {
      const r = await ask({ t: 'latest', channels: [] });
      if (!r.ok) throw new Error(r.message);
      return r.result.status;
    };

    await ask({ t: 'forward', target: far, by: BY });
    await new Promise((r) => setTimeout(r, 200));
    const paused = await ask({ t: 'control', action: 'pause' });
    expect(paused).toMatchObject({ ok: true, result: { status: { state: 'paused' } } });
    expect(ended()).toHaveLength(1);
    expect(ended()[0]).toMatchObject({ outcome: 'cancelled', reason: 'cancelled by pause', generation: 1 });
    const at = (await status()).step;
    expect(ended()[0]!.step).toBe(at);
    expect(at).toBeGreaterThan(20); // it did go fast meanwhile
    expect((await status()).forward).toBeUndefined();

    // A new fast-forward replaces the one under way.
    await ask({ t: 'forward', target: far, by: BY });
    expect(await ask({ t: 'forward', target: { toStep: at + 1000 }, by: BY })).toMatchObject({ ok: true, result: { status: { forward: { to: at + 1000 } } } });
    expect(ended()[1]).toMatchObject({ outcome: 'cancelled', reason: 'replaced by a new fast-forward', to: FAST_FORWARD_MAX_STEPS });
    await until(() => ended().length === 3);
    expect(ended()[2]).toMatchObject({ outcome: 'done', step: at + 1000 });

    // A reset starts a new generation: the fast-forward of the old one ends.
    await ask({ t: 'forward', target: far, by: BY });
    expect(await ask({ t: 'control', action: 'reset' })).toMatchObject({ ok: true, result: { status: { generation: 2, step: 0 } } });
    expect(ended()[3]).toMatchObject({ outcome: 'cancelled', reason: 'cancelled by reset', generation: 2, step: 0 });

    // So does a rebuild (a rebuild-kind hyperparameter: a new generation from the current step).
    await ask({ t: 'forward', target: far, by: BY });
    await new Promise((r) => setTimeout(r, 50));
    expect(await ask({ t: 'hp', patch: { init: 'zeros' } })).toMatchObject({ ok: true, result: { status: { generation: 3 } } });
    expect(ended()[4]).toMatchObject({ outcome: 'cancelled', reason: 'the model was rebuilt', generation: 3 });

    // Play ends it and the run goes on at its own pace: 2 steps a second.
    await ask({ t: 'forward', target: far, by: BY });
    await new Promise((r) => setTimeout(r, 100));
    await ask({ t: 'control', action: 'play' });
    expect(ended()[5]).toMatchObject({ outcome: 'cancelled', reason: 'cancelled by play' });
    const played = (await status()).step;
    await new Promise((r) => setTimeout(r, 1000));
    const later = await status();
    expect(later.state).toBe('running');
    expect(later.step - played).toBeLessThanOrEqual(4);
  });
});
