/**
 * The catalogue's check values for the small lessons (lessons.md: ch02-01's path, ch05-02's losses at the start,
 * the parameter counts), the in-order mini-batches of the linear models, and the channels each lesson streams.
 * CPU backend: these models are tiny.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { threshold1d, slopeLine } from '../data/synthetic.ts';
import { TrainerFrames } from '../probe/trainerFrames.ts';
import { Trainer } from '../train/trainer.ts';
import { ch02_01 } from './ch02-01/model.ts';
import { ch03_02 } from './ch03-02/model.ts';
import { ch05_02 } from './ch05-02/model.ts';
import { getTrainingLesson } from './registry.ts';
import { buildLinearModel } from './linearModel.ts';
import type { TrainingLesson } from './types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** ch02-01 on the noise-free data y = −3x the catalogue's check values were computed on. */
const ch02_01NoiseFree: TrainingLesson = {
  info: { ...ch02_01.info, id: 'test-ch02-01-noise-free' },
  build: ({ tf: t, seed }) => {
    const { x, y } = slopeLine(seed, { noise: 0 });
    return buildLinearModel({ tf: t, x, y, w0: -10, b0: 0, bias: false, window: { w: [-10, 4], b: [-1, 1], resolution: 15 } });
  },
};

describe('ch02-01 (ŷ = w·x)', () => {
  it('reproduces the catalogue: w = −10 → −5.79767 → −4.11813 → −3.44688 → −3.17860, losses 147.08, 23.49, 3.75, 0.60', () => {
    const t = new Trainer(ch02_01NoiseFree, 1);
    const losses = [t.trainStep(), t.trainStep(), t.trainStep(), t.trainStep()];
    [147.08, 23.49, 3.75, 0.6].forEach((v, i) => expect(losses[i]).toBeCloseTo(v, 1));
    const ws = t.path.columns[0] as number[];
    [-10, -5.79767, -4.11813, -3.44688].forEach((v, i) => expect(ws[i]).toBeCloseTo(v, 3));
    expect((t.params[0]!.dataSync() as Float32Array)[0]).toBeCloseTo(-3.1786, 3);
    expect(t.params).toHaveLength(1);
    t.dispose();
  });

  it('streams metrics, params, data and fit; params holds w alone and its gradient 2(w + 3)·mean(x²)', () => {
    const t = new Trainer(ch02_01NoiseFree, 1);
    // The framer exists before the step, as in a room: it asks the trainer to keep the gradient the params channel shows.
    const framer = new TrainerFrames(t);
    t.trainStep();
    const frames = framer.frames(new Set(ch02_01.info.channels), true);
    expect(frames.map((f) => f.channel).sort()).toEqual(['data', 'fit', 'metrics', 'params']);
    const params = frames.find((f) => f.channel === 'params')!;
    expect(params.meta.names).toBe('w');
    // The gradient of the step from w = −10: 2·(−7)·3.001667 = −42.0233.
    expect(params.fields.grad!.data[0]).toBeCloseTo(-42.0233, 2);
    expect(params.meta.loss).toBeCloseTo(23.49, 1);
    t.dispose();
  });
});

describe('ch03-02 (SGD, batch 1)', () => {
  it('takes one sample per step, in order: step k reports sample k’s squared error', () => {
    const t = new Trainer(ch03_02, 4);
    const data = ch03_02.build({ tf, seed: 4, hp: t.hp, options: t.values });
    const [x0, y0] = [data.regression!.x[0]!, data.regression!.y[0]!];
    data.dispose();
    expect(x0).toBeCloseTo(-3, 6);
    // θ_0 = (−15, −10); sample 0 is x = −3, so ŷ = 35, and y0 = −4 + 0.1·ε.
    expect(t.trainStep()).toBeCloseTo((35 - y0) ** 2, 2);
    t.dispose();
  });

  it('one epoch is 60 steps; the surface minimum lies where SGD heads (w ≈ 1, b ≈ −1)', () => {
    const t = new Trainer(ch03_02, 2);
    for (let i = 0; i < 60; i++) t.trainStep();
    expect(t.epoch).toBe(1);
    const [atMin, atCourseBug] = t.surface!.evaluate(Float32Array.of(1, 1), Float32Array.of(-1, 1));
    expect(atMin!).toBeLessThan(0.05);
    expect(atCourseBug! - atMin!).toBeGreaterThan(3.5);
    t.dispose();
  });
});

describe('ch05-02 (logistic regression)', () => {
  it('starts at the catalogue values: BCE 4.5509 (this lesson) and MSE 0.35000 (the course’s run A)', () => {
    const t = new Trainer(ch05_02, 1);
    const [bce] = t.surface!.evaluate(Float32Array.of(-5), Float32Array.of(-10));
    expect(bce).toBeCloseTo(4.5509, 3);
    const set = threshold1d();
    const mseModel = buildLinearModel({
      tf,
      x: set.x,
      y: Float32Array.from(set.labels),
      w0: -5,
      b0: -10,
      bias: true,
      head: 'sigmoid',
      loss: 'mse',
      window: { w: [-15, 15], b: [-13, 13], resolution: 5 },
    });
    expect(mseModel.surface!.evaluate(Float32Array.of(-5), Float32Array.of(-10))[0]).toBeCloseTo(0.35, 4);
    mseModel.dispose();
    // Nothing is above 0.5 at the start: accuracy = the 13 negatives of 20.
    expect(t.currentMetrics().trainAccuracy).toBeCloseTo(0.65, 6);
    t.dispose();
  });

  it('with the full batch the step loss equals the surface under the path (oracle) and BCE escapes the bad start', () => {
    const t = new Trainer(ch05_02, 1, { batchSize: 20 });
    for (let i = 0; i < 60; i++) t.trainStep();
    const [xs, ys, losses] = t.path.columns as [number[], number[], number[]];
    const z = t.surface!.evaluate(Float32Array.from(xs), Float32Array.from(ys));
    expect(losses[0]).toBeCloseTo(4.5509, 3);
    xs.forEach((_, k) => expect(Math.abs(z[k]! - losses[k]!)).toBeLessThanOrEqual(1e-4 * Math.max(1, losses[k]!)));
    expect(losses[59]!).toBeLessThan(0.5);
    t.dispose();
  });

  it('batch 3 makes 7 steps per epoch (6×3 + 1×2)', () => {
    const t = new Trainer(ch05_02, 1);
    for (let i = 0; i < 7; i++) t.trainStep();
    expect(t.epoch).toBe(1);
    t.dispose();
  });
});

describe('parameter counts (lessons.md summary table)', () => {
  const counts: [string, number][] = [
    ['ch02-01', 1],
    ['ch03-02', 2],
    ['ch04-01', 3],
    ['ch04-02', 6],
    ['ch05-02', 2],
    ['ch06-01', 6],
    ['ch07-01', 7],
    ['ch07-03', 9],
    ['ch07-05b', 13],
    ['ch08-02', 173],
    ['ch09-04', 119],
  ];
  it.each(counts)('%s has %i trainable parameters', (id, n) => {
    const lesson = getTrainingLesson(id)!;
    const t = new Trainer(lesson, 1);
    expect(t.params.reduce((a, p) => a + p.size, 0)).toBe(n);
    t.dispose();
  });
});

describe('declared channels are the channels streamed', () => {
  const ids = ['ch02-01', 'ch03-02', 'ch04-01', 'ch04-02', 'ch05-02', 'ch06-01', 'ch07-01', 'ch07-03', 'ch07-05b', 'ch08-02', 'ch09-04'];
  it.each(ids)('%s', (id) => {
    const lesson = getTrainingLesson(id)!;
    const t = new Trainer(lesson, 1);
    t.trainStep();
    const framer = new TrainerFrames(t);
    const channels = new Set(lesson.info.channels);
    framer.frames(channels);
    // The landscape is made in the engine's spare time: here, all of it.
    while (framer.background?.pending()) framer.background.run(50);
    const frames = framer.frames(channels, true);
    expect(frames.map((f) => f.channel).sort()).toEqual([...lesson.info.channels].sort());
    const metrics = frames.find((f) => f.channel === 'metrics')!;
    // Classification lessons report their training accuracy with the loss.
    const classifies = ['ch05-02', 'ch06-01', 'ch07-01', 'ch07-03', 'ch07-05b', 'ch08-02', 'ch09-04'].includes(id);
    expect(typeof metrics.meta.trainAccuracy === 'number').toBe(classifies);
    t.dispose();
  });
});
