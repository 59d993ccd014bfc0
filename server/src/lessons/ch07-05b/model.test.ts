/**
 * ch07-05b as a comparison lesson (catalogue panel "loss overlay per activation"): one variant per activation the
 * catalogue names (ReLU, the active run; sigmoid and tanh, the commented-out runs), the same start and data order,
 * each loss falling, and each variant's panels in the merged views.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeViews } from '../../probe/views.ts';
import { Trainer } from '../../train/trainer.ts';
import { getTrainingLesson } from '../registry.ts';
import type { DemoView, TrainingLesson } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const lesson = (): TrainingLesson => getTrainingLesson('ch07-05b')!;
const trainer = (): Trainer => new Trainer(lesson(), 1, { speed: 0 }, 20, false);
const param = (t: Trainer, run: number, name: string): number[] => {
  const m = t.runs[run]!.model;
  return Array.from(m.params[m.paramNames.indexOf(name)]!.dataSync());
};
const data = (v: DemoView, name: string): number[] => Array.from(v.fields[name]!.data);
const sig = (z: number): number => 1 / (1 + Math.exp(-z));

describe('ch07-05b: ReLU vs sigmoid vs tanh on the 1-D three-class task', () => {
  it('has one variant per activation of the catalogue, labelled, each with 13 parameters', () => {
    const l = lesson();
    expect(l.variants!.map((v) => v.label)).toEqual(['ReLU', 'sigmoid', 'tanh']);
    expect(l.variants!.map((v) => v.options?.activation)).toEqual(['relu', 'sigmoid', 'tanh']);
    expect(l.info.description).toMatch(/side by side/);
    // The three variants replace the single run's activation switch; the hidden-unit count stays.
    const controls = l.info.options!.map((c) => c.name);
    expect(controls).toContain('hidden');
    expect(controls).not.toContain('activation');
    const t = trainer();
    expect(t.runs.map((r) => r.label)).toEqual(['ReLU', 'sigmoid', 'tanh']);
    expect(t.runs.map((r) => r.paramCount())).toEqual([13, 13, 13]);
    // The catalogue's hyperparameters hold for every variant (no variant overrides them).
    expect(l.variants!.every((v) => v.hp === undefined)).toBe(true);
    expect(t.runs.map((r) => [r.hp.lr, r.hp.batchSize, r.hp.optimizer])).toEqual(Array(3).fill([0.1, 5, 'sgd']));
    t.dispose();
  });

  it('the variants start from the same weights and the same data order, and use their own activation', () => {
    const t = trainer();
    for (const name of ['fc1.W', 'fc1.b', 'fc2.W', 'fc2.b']) {
      expect(param(t, 1, name)).toEqual(param(t, 0, name));
      expect(param(t, 2, name)).toEqual(param(t, 0, name));
    }
    const views = t.runs.map((r) => r.model.views!());
    // Same labelled points in the same (x) order for every variant; 20 batches of 5 per epoch.
    for (const v of views.slice(1)) {
      expect(data(v, 'strip.points')).toEqual(data(views[0]!, 'strip.points'));
    }
    expect(t.runs.map((r) => r.model.stepsPerEpoch(5))).toEqual([20, 20, 20]);
    // Each hidden unit curve at x = −20 is that variant's activation of w·x + b.
    const w = param(t, 0, 'fc1.W');
    const b = param(t, 0, 'fc1.b');
    const z = -20 * w[0]! + b[0]!;
    expect(data(views[0]!, 'units.y0')[0]).toBeCloseTo(Math.max(0, z), 5);
    expect(data(views[1]!, 'units.y0')[0]).toBeCloseTo(sig(z), 5);
    expect(data(views[2]!, 'units.y0')[0]).toBeCloseTo(Math.tanh(z), 5);
    t.dispose();
  });

  it('a few epochs of training lower every variant’s loss', () => {
    const t = trainer();
    // Batches in x order differ a lot from one another: compare whole epochs (the first with the third), as the
    // smoke test of lessons.test.ts does. The trainer records one loss per variant per step (the overlaid curves).
    for (let i = 0; i < 3 * 20; i++) t.trainStep();
    expect(t.losses.length).toBe(60);
    const mean = (r: number, epoch: number): number => t.losses.columns[r]!.slice(20 * epoch, 20 * epoch + 20).reduce((a, b) => a + b, 0) / 20;
    t.runs.forEach((r, i) => expect(mean(i, 2), r.label).toBeLessThan(mean(i, 0)));
    t.dispose();
  });

  it('the merged views hold every variant’s strip, logits and hidden units side by side', () => {
    const t = trainer();
    t.trainStep();
    const views = t.runs.map((r) => r.model.views!());
    const merged = mergeViews(views, t.runs.map((r) => r.label));
    for (const i of [0, 1, 2]) {
      for (const name of ['strip.class', 'strip.points', 'logits.y0', 'logits.y2', 'units.y0', 'units.y1']) {
        expect(merged.fields[`v${i}.${name}`], `v${i}.${name}`).toBeDefined();
      }
    }
    // Each panel title of one variant appears once per variant, captioned with the labels.
    const groups = new Map<string, string[]>();
    for (const p of merged.layout) groups.set(p.group ?? p.title, [...(groups.get(p.group ?? p.title) ?? []), p.title]);
    expect(groups.size).toBe(views[0]!.layout.length);
    for (const titles of groups.values()) expect(titles).toEqual(['ReLU', 'sigmoid', 'tanh']);
    t.dispose();
  });

  it('hidden units apply to every variant and restart the run', () => {
    const t = trainer();
    t.trainStep();
    t.setValues({ hidden: 4 });
    expect(t.step).toBe(0);
    expect(t.runs.map((r) => r.paramCount())).toEqual([23, 23, 23]); // 4 + 4 + 12 + 3
    expect(t.runs.map((r) => r.label)).toEqual(['ReLU', 'sigmoid', 'tanh']);
    t.dispose();
  });
});
