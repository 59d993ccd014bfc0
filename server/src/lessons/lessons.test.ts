/**
 * Every training lesson of the registry trains briefly on the embedded backend (wasm, with its replacement
 * kernels) and its loss falls; its declared controls are all contract names; memory stays flat. Every run with
 * more than two parameters offers a loss landscape whose centre is its evaluation-mode loss on the probe batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HYPERPARAM_NAMES, type Hyperparams } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select.ts';
import { livePlane } from '../probe/landscape/directions.ts';
import { computeSlice } from '../probe/landscape/slice.ts';
import { framesOf } from '../probe/trainerFrames.ts';
import { PROBE_SAMPLES } from '../train/landscapeSource.ts';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson, listLessons } from './registry.ts';

beforeAll(async () => {
  await selectBackend('wasm');
});

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Lessons whose course settings cannot show learning in 60 single mini-batch losses. The small sets are taken in
 * order (sorted x, class blocks), so one batch's loss says more about which batch it is than about training:
 * those compare their first epoch's mean loss with their last epoch's (`epochs` epochs in all). Lessons that by
 * design learn slowly at the course's lr (a plateau, a small lr over thousands of steps) run at a larger one;
 * the test is about gradients flowing and memory, not about the course's schedule.
 */
const SMOKE: Record<string, { epochs?: number; hp?: Partial<Hyperparams>; fall?: number }> = {
  'ch04-01': { epochs: 6 }, // batch 2 in x order, noise std 1: single batches differ by more than training gains
  'ch06-01': { epochs: 8 }, // 8 batches per epoch, sorted x
  'ch07-01': { epochs: 3 }, // one sample per step, sorted x
  'ch07-03': { epochs: 5, hp: { lr: 1 } }, // XOR blocks of 25; at lr 0.1 the plateau lasts ~2,000 steps
  'ch07-05b': { epochs: 3 }, // batch 5 in x order
  'ch08-02': { epochs: 3, hp: { lr: 0.1 } }, // lr 0.01 needs thousands of steps to show
  'ch07-04': { hp: { lr: 0.5 } }, // σ hidden layer at lr 0.01 stays near log 10 for hundreds of steps
  // Comparison lessons: trainStep returns the first variant's loss, and a variant's fixed hp win over these.
  // ch03-03's first variant (lr 0.1) bounces at every outlier on single samples; at full batch it converges, but
  // the outliers put the training optimum's MSE (≈ 44) within ~20 % of the random start's, so it falls ~8 %.
  'ch03-03': { hp: { batchSize: 60 }, fall: 0.95 },
  'ch08-05': { epochs: 3 }, // one sample per step, sorted x (as ch07-01)
  // MNIST comparisons train 2–4 networks per step at batch 2,000 (0.06–0.3 s per step on wasm here, 60 steps):
  // smaller batches keep the suite short, and the σ first variants need the larger lr, as ch07-04.
  'ch07-05': { hp: { lr: 0.5, batchSize: 200 } },
  'ch08-01': { hp: { lr: 2, batchSize: 200 } }, // two σ layers: at lr 0.5 still near log 10 after 60 steps
  'ch08-06': { hp: { lr: 0.1, batchSize: 200 } }, // tanh 784-100-200-100-10 at lr 0.01 moves ~1 % in 60 steps
  'ch08-09': { hp: { batchSize: 200 } },
  'ch08-03': { hp: { batchSize: 250 } }, // 2-300-300-2 on 1,000 points per step, twice
};

describe.each(listLessons().filter((l) => l.trains).map((l) => l.id))('lesson %s', (id) => {
  it('declares contract controls and channels', () => {
    const info = getTrainingLesson(id)!.info;
    for (const c of info.controls) expect(HYPERPARAM_NAMES).toContain(c);
    expect(info.channels.length).toBeGreaterThan(0);
    expect(info.description.length).toBeGreaterThan(40);
  });

  it('trains: the loss falls and no tensor leaks', async () => {
    const lesson = getTrainingLesson(id)!;
    await lesson.prepare?.();
    const smoke = SMOKE[id] ?? {};
    const t = new Trainer(lesson, 1, { speed: 0, ...smoke.hp }, 20, false);
    // Compared windows: 5 single batches, or whole epochs for the lessons listed in SMOKE.
    let window = 5;
    let steps = 60;
    if (smoke.epochs) {
      const probe = lesson.build({ tf, seed: 1, hp: t.hp, options: t.values });
      window = probe.stepsPerEpoch(t.hp.batchSize);
      probe.dispose();
      steps = Math.max(smoke.epochs, Math.ceil(steps / window)) * window; // whole epochs
    }
    const losses: number[] = [];
    // Warm-up past the window of recent batches a classifier keeps for its running accuracy (20 scalars).
    for (let i = 0; i < 25; i++) losses.push(t.trainStep());
    const before = tf.memory().numTensors;
    while (losses.length < steps) losses.push(t.trainStep());
    framesOf(t, new Set(lesson.info.channels), { all: true });
    expect(tf.memory().numTensors).toBe(before);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(mean(losses.slice(-window))).toBeLessThan(mean(losses.slice(0, window)) * (smoke.fall ?? 0.9));
    t.dispose();
  }, 120_000);

  it('offers a loss landscape when it has more than two parameters (else an exact surface)', async () => {
    const lesson = getTrainingLesson(id)!;
    await lesson.prepare?.();
    const t = new Trainer(lesson, 1, { speed: 0 }, 20, false);
    t.trainStep();
    for (const run of t.runs) {
      const source = run.model.landscape;
      if (run.paramCount() <= 2) {
        expect(source, `${id} ${run.label}`).toBeUndefined();
        expect(run.model.surface).toBeDefined();
        continue;
      }
      expect(source, `${id} ${run.label}`).toBeDefined();
      // Filters are the dense and conv kernels; biases and batch norm are not.
      for (const p of source!.params) expect(p.role === 'weight', `${id} ${p.name}`).toBe(/(fc\d*|conv\d+)\.W$/.test(p.name));
      const probe = source!.probe();
      expect(probe.n).toBeGreaterThan(0);
      expect(probe.n).toBeLessThanOrEqual(PROBE_SAMPLES);
      // The centre of a slice through the weights (one point, the first layer's products shared where the net
      // allows) is the evaluation-mode loss on the probe batch; nothing is left behind.
      const before = tf.memory().numTensors;
      const { centre, d1, d2 } = livePlane(source!, 1);
      const { levels } = computeSlice(source!, { centre, d1, d2 }, { range: 1, levels: [1], method: { from: 'first', batch: 1 } });
      const loss = source!.evalLoss();
      expect(levels[0]!.values[0]).toBeCloseTo((loss.dataSync() as Float32Array)[0]!, 4);
      loss.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    // The landscape channel (and its settings) is offered exactly where every run has a landscape.
    const sources = t.runs.map((r) => r.model.landscape !== undefined);
    expect(lesson.info.channels.includes('landscape'), id).toBe(sources.every(Boolean));
    // A runs plane goes through the runs' common start: offered only where they share it.
    const plane = lesson.info.options?.find((o) => o.name === 'landscapePlane');
    const fresh = new Trainer(lesson, 1, { speed: 0 }, 20, false);
    fresh.keepInitialWeights();
    const initial = fresh.initialWeights!;
    fresh.dispose();
    const offersRuns = plane?.options?.includes('runs') ?? false;
    const shared = t.runs.length > 1 && initial.every((w) => w.every((a, p) => a.every((v, i) => v === initial[0]![p]![i])));
    if (lesson.info.channels.includes('landscape')) expect(offersRuns, id).toBe(shared);
    t.dispose();
  }, 60_000);
});
