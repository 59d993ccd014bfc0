/**
 * The engine frames what the room needs whatever its members watch (the history channels, and the cheap live and
 * static ones), computes the costly channels (params, panels) only while some member receives them (the socket
 * thread tells it with `channels`), and still answers `latest` with any channel of the lesson.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { decodeFrame, peekFrame } from '@gradcast/shared';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { EngineHost } from './host.ts';
import type { WorkerMessage } from './messages.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let host: EngineHost | null = null;
afterEach(() => host?.close());

const reply = (posted: WorkerMessage[], id: number) => {
  const r = posted.find((m) => m.t === 'reply' && m.id === id);
  return r && r.t === 'reply' && r.ok ? r.result : null;
};

it('live frames keep the history channels and follow the watched costly ones; latest gives any channel', async () => {
  const posted: WorkerMessage[] = [];
  host = new EngineHost((m) => posted.push(m), 1000);
  await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId: 'ch02-03', seed: 1, hp: { speed: 0 } });
  const liveChannels = async (): Promise<Set<string>> => {
    posted.length = 0;
    await new Promise((r) => setTimeout(r, 150));
    const seen = new Set<string>();
    for (const m of posted) if (m.t === 'frames') for (const f of m.frames) seen.add(peekFrame(f.bytes).channel);
    return seen;
  };
  expect(await liveChannels()).toEqual(new Set(['metrics', 'params', 'path', 'fit']));
  await host.handle({ t: 'channels', id: 2, roomId: 'r', channels: ['metrics'] });
  // Nobody watches params any more; the history (metrics, path) and the cheap fit still go.
  expect(await liveChannels()).toEqual(new Set(['metrics', 'path', 'fit']));
  await host.handle({ t: 'channels', id: 3, roomId: 'r', channels: [] });
  expect(await liveChannels()).toEqual(new Set(['metrics', 'path', 'fit']));
  posted.length = 0;
  await host.handle({ t: 'latest', id: 4, roomId: 'r', channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit', 'panels'] });
  const frames = reply(posted, 4)?.frames ?? [];
  expect(new Set(frames.map((f) => f.channel))).toEqual(new Set(['metrics', 'params', 'surface', 'path', 'data', 'fit']));
  // What `latest` gives is whole: the metrics frame carries the history from step 0.
  const metrics = decodeFrame(frames.find((f) => f.channel === 'metrics')!.bytes);
  expect(metrics.meta.full).toBe(true);
  expect(metrics.fields.step!.data[0]).toBe(0);
});

it('the metrics windows posted carry every step, however many steps a tick covers', async () => {
  const posted: WorkerMessage[] = [];
  // One framing tick a second: dozens of steps between two ticks.
  host = new EngineHost((m) => posted.push(m), 1);
  await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId: 'ch02-03', seed: 1, hp: { speed: 400 } });
  await host.handle({ t: 'channels', id: 2, roomId: 'r', channels: [] });
  await new Promise((r) => setTimeout(r, 2300));
  await host.handle({ t: 'control', id: 3, roomId: 'r', action: 'pause' });
  const steps = new Set<number>();
  for (const m of posted) {
    if (m.t !== 'frames') continue;
    for (const f of m.frames) if (f.channel === 'metrics') for (const s of decodeFrame(f.bytes).fields.step!.data) steps.add(s);
  }
  const step = reply(posted, 3)!.status.step;
  expect(step).toBeGreaterThan(300);
  expect(steps.size).toBe(step);
  expect(Math.max(...steps)).toBe(step - 1);
});

it('a demo frames its view once per change of its values, whatever is watched', async () => {
  const posted: WorkerMessage[] = [];
  host = new EngineHost((m) => posted.push(m), 1000);
  await host.handle({ t: 'create', id: 1, roomId: 'd', lessonId: 'ch09-01', seed: 1, hp: {} });
  await host.handle({ t: 'channels', id: 2, roomId: 'd', channels: [] });
  const panels = () => posted.flatMap((m) => (m.t === 'frames' ? m.frames.filter((f) => f.channel === 'panels') : []));
  expect(panels()).toHaveLength(1);
  await host.handle({ t: 'options', id: 3, roomId: 'd', values: { stride: 2 } });
  expect(panels()).toHaveLength(2);
  await host.handle({ t: 'options', id: 4, roomId: 'd', values: { stride: 2 } });
  expect(panels()).toHaveLength(2);
  await host.handle({ t: 'control', id: 5, roomId: 'd', action: 'play' });
  const refused = posted.find((m) => m.t === 'reply' && m.id === 5);
  expect(refused).toMatchObject({ ok: false, code: 'conflict' });
});

it('hold keeps the thread busy for as long as it is asked, as a long step would', async () => {
  const posted: WorkerMessage[] = [];
  host = new EngineHost((m) => posted.push(m), 1000);
  await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId: 'ch02-03', seed: 1, hp: { speed: 5 } });
  const t0 = performance.now();
  await host.handle({ t: 'hold', id: 2, roomId: 'r', ms: 200 });
  expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
  expect(reply(posted, 2)?.status.generation).toBe(1);
});

const landscapes = (posted: WorkerMessage[]) =>
  posted.flatMap((m) => (m.t === 'frames' ? m.frames.filter((f) => f.channel === 'landscape').map((f) => ({ ...f, frame: decodeFrame(f.bytes) })) : []));

it('a new room makes no landscape until a member asks; a paused one computes it in idle time and posts each level; unwatched, none', async () => {
  const posted: WorkerMessage[] = [];
  host = new EngineHost((m) => posted.push(m), 1000);
  await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId: 'ch07-03', seed: 1, hp: { speed: 50 } });
  await new Promise((r) => setTimeout(r, 300));
  expect(landscapes(posted)).toHaveLength(0);
  // A member watches the landscape (a new room makes none before one asks: delivery.ts watchedAtFirst).
  await host.handle({ t: 'channels', id: 9, roomId: 'r', channels: ['metrics', 'panels', 'landscape'] });
  await new Promise((r) => setTimeout(r, 300));
  await host.handle({ t: 'control', id: 2, roomId: 'r', action: 'pause' });
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline && !landscapes(posted).some((l) => !l.frame.meta.live && l.frame.meta.resolution === 33)) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const paused = landscapes(posted).filter((l) => !l.frame.meta.live);
  expect(paused.at(-1)?.frame.meta.resolution).toBe(33);
  // A paused run's slices go reliably: nothing repeats them.
  expect(paused.at(-1)?.reliable).toBe(true);
  await host.handle({ t: 'channels', id: 3, roomId: 'r', channels: ['metrics'] });
  posted.length = 0;
  await host.handle({ t: 'options', id: 4, roomId: 'r', values: { landscapePlane: 'random' } });
  await new Promise((r) => setTimeout(r, 300));
  expect(landscapes(posted)).toHaveLength(0);
});

it('a running room keeps training while its landscape is made, and posts it live', async () => {
  const posted: WorkerMessage[] = [];
  host = new EngineHost((m) => posted.push(m), 30);
  await host.handle({ t: 'create', id: 1, roomId: 'r', lessonId: 'ch07-03', seed: 1, hp: { speed: 0 } });
  await host.handle({ t: 'channels', id: 9, roomId: 'r', channels: ['metrics', 'landscape'] });
  await new Promise((r) => setTimeout(r, 1500));
  await host.handle({ t: 'control', id: 2, roomId: 'r', action: 'pause' });
  const live = landscapes(posted).filter((l) => l.frame.meta.live);
  expect(live.length).toBeGreaterThan(0);
  expect(live.every((l) => !l.reliable)).toBe(true);
  expect(reply(posted, 2)!.status.step).toBeGreaterThan(100);
  // Slices follow θ: more than one plane while it trains (each through a later step).
  expect(new Set(live.map((l) => l.frame.step)).size).toBeGreaterThan(1);
});
