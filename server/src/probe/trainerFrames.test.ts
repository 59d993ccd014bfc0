/**
 * Frame making for a training run (trainerFrames.ts), moved out of the trainer: which channels go when, whole or as a
 * window, the views' throttle and bandwidth budget, and the evaluation log for the room. (These tests lived in
 * train/trainer.test.ts while the trainer made its own frames.)
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { field, type Frame } from '@gradcast/shared';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ch02_03 } from '../lessons/ch02-03/model.ts';
import { ch08_07 } from '../lessons/ch08-07/model.ts';
import type { TrainableLesson } from '../train/lessonModel.ts';
import { Trainer } from '../train/trainer.ts';
import { comparison, noiseFree, optioned, position } from '../lessons/trainerTestKit.ts';
import { isReliable } from './delivery.ts';
import { framesOf, TrainerFrames } from './trainerFrames.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('frames of a trainer on ch02-03', () => {
  it('keeps tf.memory().numTensors flat across steps, frames and patches', () => {
    const t = new Trainer(ch02_03, 7);
    const all = new Set(ch02_03.info.channels);
    for (let i = 0; i < 3; i++) t.trainStep();
    framesOf(t, all, { all: true });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) {
      t.trainStep();
      if (i % 10 === 0) framesOf(t, all);
      if (i === 100) t.applyPatch({ lr: 0.05 });
    }
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('reset returns to the starting point with a new generation and an empty history', () => {
    const t = new Trainer(ch02_03, 9);
    for (let i = 0; i < 10; i++) t.trainStep();
    t.control('reset');
    expect(t.step).toBe(0);
    expect(t.generation).toBe(2);
    expect(t.losses.length).toBe(0);
    expect(position(t)).toEqual([-15, -10]);
    const frames = framesOf(t, new Set(['metrics', 'surface', 'data']));
    expect(frames.map((f) => f.channel).sort()).toEqual(['data', 'metrics', 'surface']);
    expect(frames.find((f) => f.channel === 'metrics')!.meta.full).toBe(true);
    t.dispose();
  });
});

describe('frames of a comparison', () => {
  it('steps every variant in lockstep; a diverging variant freezes while the others go on', () => {
    const t = new Trainer(comparison, 1);
    for (let i = 0; i < 400 && !t.runs[1]!.diverged; i++) t.trainStep();
    expect(t.runs[1]!.diverged).toBe(true);
    expect(t.state).toBe('running');
    const steps = t.step;
    t.trainStep();
    expect(t.step).toBe(steps + 1);
    const last = t.losses.length - 1;
    expect(Number.isNaN(t.losses.columns[1]![last]!)).toBe(true);
    // The first variant matches a single run with the same settings, step for step.
    const single = new Trainer(noiseFree, 1, { lr: 0.1 });
    for (let i = 0; i <= last; i++) expect(single.trainStep()).toBeCloseTo(t.losses.columns[0]![i]!, 4);
    const metrics = framesOf(t, new Set(['metrics']), { all: true })[0]!;
    expect(metrics.fields.loss!.dims).toEqual([2, t.losses.length]);
    expect(metrics.meta.variants).toBe('lr 0.1|lr 0.5');
    const path = framesOf(t, new Set(['path']), { all: true })[0]!;
    expect(path.fields.xy!.dims).toEqual([2, t.path.length, 2]);
    // One prediction curve per variant: the frozen (diverged) one included, as it stands.
    const fit = framesOf(t, new Set(['fit']), { all: true })[0]!;
    expect(fit.fields.y!.dims).toEqual([2, 64]);
    const [w0, b0] = t.runs[0]!.model.surface!.position();
    const x0 = fit.fields.x!.data[0]!;
    expect(fit.fields.y!.data[0]).toBeCloseTo(w0 * x0 + b0, 4);
    t.dispose();
    single.dispose();
  });

  it('a diverged variant’s panels give way to one that says it diverged (they used to vanish)', () => {
    // ch08-07's w³ run at μ = 0.9 runs off to −∞ within a few dozen steps; the others go on.
    const t = new Trainer(ch08_07, 1);
    const runaway = t.runs.findIndex((r) => r.label === 'w³, μ = 0.9');
    expect(runaway).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 500 && !t.runs[runaway]!.diverged; i++) t.trainStep();
    expect(t.runs[runaway]!.diverged).toBe(true);
    const panels = framesOf(t, new Set(['panels']), { all: true })[0]!;
    const layout = JSON.parse(panels.meta.layout as string) as { kind: string; title: string; group?: string; text?: string }[];
    const said = layout.filter((p) => p.group === 'diverged');
    expect(said.map((p) => [p.kind, p.title])).toEqual([['text', 'w³, μ = 0.9']]);
    expect(said[0]!.text).toMatch(/diverged/);
    // The live runs' panels are still there.
    expect(layout.some((p) => p.title === 'w³, μ = 0')).toBe(true);
    t.dispose();
  });
});

describe('evaluation log for late joiners', () => {
  it('records every run’s metrics when an evaluation completes and ships them in whole-history metrics frames', async () => {
    const { ch06_02 } = await import('../lessons/ch06-02/model.ts');
    await ch06_02.prepare!();
    // 6,000-image batches: 10 steps an epoch, then the test evaluation runs one 1,000-image chunk per step.
    const t = new Trainer(ch06_02, 1, { batchSize: 6000 });
    for (let i = 0; i < 25; i++) t.trainStep();
    expect(t.evalLog.length).toBeGreaterThanOrEqual(1);
    const first = t.evalLog[0]!;
    expect(first.step).toBeGreaterThan(10);
    expect(first.evals[0]!.testAccuracy).toBeGreaterThan(0.5);
    const live = framesOf(t, new Set(['metrics']))[0]!;
    expect(live.fields.evalLog).toBeUndefined();
    const full = framesOf(t, new Set(['metrics']), { all: true })[0]!;
    const names = String(full.meta.evalNames).split(',');
    expect(full.fields.evalLog!.dims).toEqual([t.evalLog.length, 1, names.length]);
    expect(full.fields.evalLogSteps!.data[0]).toBe(first.step);
    expect(full.fields.evalLog!.data[names.indexOf('testAccuracy')]).toBeCloseTo(first.evals[0]!.testAccuracy!, 5);
    t.control('reset');
    expect(t.evalLog).toEqual([]);
    t.dispose();
  }, 60_000);
});

describe('views', () => {
  it('views go out on panels at most once per interval while running, every step while paused, and leak nothing', () => {
    const t = new Trainer(optioned, 1);
    const panels = new Set(['panels'] as const);
    t.trainStep();
    const first = framesOf(t, panels);
    expect(first.map((f) => f.channel)).toEqual(['panels']);
    expect(JSON.parse(String(first[0]!.meta.layout))[0].title).toBe('w now');
    const before = tf.memory().numTensors;
    t.trainStep();
    expect(framesOf(t, panels)).toEqual([]); // running, within the interval: nothing new
    expect(framesOf(t, panels, { all: true }).map((f) => f.step)).toEqual([1]); // a snapshot gets the last one
    t.control('step'); // paused: a single step shows at once
    const stepped = framesOf(t, panels);
    expect(stepped.map((f) => f.step)).toEqual([3]);
    expect(stepped[0]!.fields.w!.data[0]).toBeCloseTo(position(t)[0], 5);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('large views wait longer (bandwidth budget), go volatile while running and reliably once paused', () => {
    // 12,000 f32 values = 48 KB: at 24 KB/s a frame every 2 s, not every second.
    const big: TrainableLesson = {
      ...optioned,
      build: (ctx) => ({ ...optioned.build(ctx), views: () => ({ fields: { t: field('f32', new Float32Array(12_000)) }, layout: [{ kind: 'grid', title: 't', field: 't' }] }) }),
    };
    let now = 10_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const t = new Trainer(big, 1);
      const panels = new Set(['panels'] as const);
      const at = (ms: number): number => {
        now = 10_000 + ms;
        t.trainStep();
        return framesOf(t, panels).length;
      };
      expect(at(0)).toBe(1);
      expect(at(1500)).toBe(0);
      expect(at(2100)).toBe(1);
      expect(framesOf(t, panels, { all: true })[0]!.meta.live).toBe(true);
      t.control('step');
      expect(framesOf(t, panels)[0]!.meta.live).toBeUndefined();
      t.dispose();
    } finally {
      clock.mockRestore();
    }
  });
});

describe('TrainerFrames: what goes when, keyed on the generation last framed', () => {
  const channels = new Set(['metrics', 'surface', 'path', 'data', 'fit', 'params'] as const);
  const byChannel = (frames: Frame[]): Map<string, Frame> => new Map(frames.map((f) => [f.channel, f]));

  it('sends static channels once per generation, and history windows that never skip a point', () => {
    const t = new Trainer(noiseFree, 1);
    const framer = new TrainerFrames(t);
    const first = byChannel(framer.frames(channels));
    expect([...first.keys()].sort()).toEqual(['data', 'fit', 'metrics', 'params', 'path', 'surface']);
    expect(isReliable(first.get('surface')!)).toBe(true);
    // A fresh run starts with no history: its first windows need not be whole.
    expect(first.get('metrics')!.meta.full).toBe(false);
    for (let i = 0; i < 700; i++) t.trainStep();
    const live = byChannel(framer.frames(channels));
    expect([...live.keys()].sort()).toEqual(['fit', 'metrics', 'params', 'path']);
    // 700 steps since the last frame: more than a window of 256, and every one of them is carried.
    const steps = Array.from(live.get('metrics')!.fields.step!.data);
    expect(steps).toEqual(Array.from({ length: 700 }, (_, k) => k));
    expect(isReliable(live.get('metrics')!)).toBe(false);
    t.trainStep();
    // One step later: the new point and a window of recent ones for members that dropped a frame.
    expect(Array.from(framer.frames(channels)[0]!.fields.step!.data)).toEqual(Array.from({ length: 12 }, (_, k) => 689 + k));
    t.applyPatch({ batchNorm: true });
    const rebuilt = byChannel(framer.frames(channels));
    expect([...rebuilt.keys()].sort()).toEqual(['data', 'fit', 'metrics', 'params', 'path', 'surface']);
    expect(rebuilt.get('metrics')!.meta.full).toBe(true);
    expect(isReliable(rebuilt.get('path')!)).toBe(true);
    expect(rebuilt.get('metrics')!.fields.step!.data.length).toBe(701);
    t.dispose();
  });

  it('`all` gives every channel whole without moving what the next live call sends', () => {
    const t = new Trainer(noiseFree, 1);
    const framer = new TrainerFrames(t);
    framer.frames(channels);
    for (let i = 0; i < 5; i++) t.trainStep();
    const all = byChannel(framer.frames(channels, true));
    expect(all.get('metrics')!.meta.full).toBe(true);
    expect(all.has('surface')).toBe(true);
    const live = byChannel(framer.frames(channels));
    expect(live.has('surface')).toBe(false);
    expect(Array.from(live.get('metrics')!.fields.step!.data)).toEqual([0, 1, 2, 3, 4]);
    t.dispose();
  });

  it('hands each completed evaluation on once, and the whole log again after a new generation', () => {
    const evaluated: TrainableLesson = {
      ...noiseFree,
      build: (ctx) => {
        const model = noiseFree.build(ctx);
        let n = 0;
        // eslint-disable-next-line require-yield
        return { ...model, evaluate: function* () { return { testAccuracy: ++n / 100 }; } };
      },
    };
    const t = new Trainer(evaluated, 1);
    const framer = new TrainerFrames(t);
    for (let i = 0; i < 4; i++) t.trainStep();
    expect(framer.evaluations().map((e) => e.step)).toEqual([2, 3, 4]);
    expect(framer.evaluations()).toEqual([]);
    t.trainStep();
    expect(framer.evaluations().map((e) => e.step)).toEqual([5]);
    // A rebuild keeps the history: the log is handed on whole again (the room merges by step)…
    t.applyPatch({ init: 'zeros' });
    expect(framer.evaluations().map((e) => e.step)).toEqual([2, 3, 4, 5]);
    // …and the metrics table keeps its columns though the rebuilt runs have no evaluation yet.
    const metrics = framer.frames(new Set(['metrics']))[0]!;
    expect(metrics.meta.full).toBe(true);
    expect(metrics.meta.evalNames).toBe('testAccuracy');
    expect(Array.from(metrics.fields.evalLogSteps!.data)).toEqual([2, 3, 4, 5]);
    t.trainStep();
    const live = framer.frames(new Set(['metrics']))[0]!;
    expect(live.meta.evalNames).toBe('testAccuracy');
    expect(Number.isNaN(live.fields.evals!.data[0])).toBe(true);
    t.dispose();
  });

  it('makes the views again at once when an option they show changes, even while running', () => {
    const t = new Trainer(optioned, 1);
    const framer = new TrainerFrames(t);
    const panels = new Set(['panels'] as const);
    t.trainStep();
    expect(framer.frames(panels)).toHaveLength(1);
    t.trainStep();
    expect(framer.frames(panels)).toEqual([]);
    t.setValues({ lrDecay: 2 });
    expect(framer.frames(panels).map((f) => f.step)).toEqual([2]);
    t.dispose();
  });
});
