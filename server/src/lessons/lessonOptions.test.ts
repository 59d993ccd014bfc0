/**
 * The catalogue's "Live controls" added to ch03-01 (batch sizes), ch03-03 (learning rates), ch07-02 (hidden units),
 * ch09-04 (shuffle) and ch04-02 (issue 5: de-correlated inputs, noise per output): each option is declared, its
 * default keeps the course, the description names it, and setting it changes what it names (the runs' labels and
 * fixed hyperparameters through variantsFor, the parameter count, the batch order, the data). CPU backend.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { multiOutput } from '../data/synthetic.ts';
import { Trainer } from '../train/trainer.ts';
import type { LabelledRows } from './classifier.ts';
import { getTrainingLesson, listLessons } from './registry.ts';
import { data, labels, trainer, viewOf } from './lessonTestKit.ts';

/** Every classification row source a build makes, in order (ch09-04: training rows, then validation rows). */
const made = vi.hoisted(() => ({ rows: [] as unknown[] }));
vi.mock('./memoryRows.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('./memoryRows.ts')>();
  return {
    ...orig,
    memoryRows: (...args: Parameters<typeof orig.memoryRows>) => {
      const rows = orig.memoryRows(...args);
      made.rows.push(rows);
      return rows;
    },
  };
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const param = (t: Trainer, run: number, name: string): number[] => {
  const m = t.runs[run]!.model;
  return Array.from(m.params[m.paramNames.indexOf(name)]!.dataSync());
};

describe('the options are declared with the course as default, and the description names them', () => {
  const declared: [string, Record<string, number | boolean>, string[]][] = [
    ['ch03-01', { batchRun1: 60, batchRun2: 1, batchRun3: 5, batchRun4: 10 }, ['batch sizes']],
    ['ch03-03', { lrRun1: 0.1, lrRun2: 0.01, lrRun3: 0.001, lrRun4: 0.0001 }, ['learning rates']],
    ['ch07-02', { hiddenRun1: 7, hiddenRun2: 13 }, ['hidden units']],
    ['ch09-04', { shuffle: true }, ['shuffle']],
    ['ch04-02', { decorrelate: false, separateNoise: false, noise: 0.001 }, ['de-correlate inputs', 'separate noise per output', 'noise scale']],
  ];
  it.each(declared)('%s: %j', (id, defaults, words) => {
    const info = getTrainingLesson(id)!.info;
    const controls = new Map((info.options ?? []).map((c) => [c.name, c]));
    for (const [name, value] of Object.entries(defaults)) {
      const c = controls.get(name);
      expect(c?.default, name).toBe(value);
      expect(c?.hot, name).toBeFalsy();
      expect(c?.help, name).toMatch(/Restarts the run\.$/);
    }
    for (const w of words) expect(info.description).toContain(w);
  });
});

describe('view-only options', () => {
  it('are hot, and the drawings and shown samples are all marked so', () => {
    for (const l of listLessons().filter((x) => x.trains)) {
      for (const c of getTrainingLesson(l.id)!.info.options ?? []) {
        if (c.viewOnly) expect(c.hot, `${l.id} ${c.name}`).toBe(true);
        // A drawn digit or the sample a view shows changes no training: no chart marker for it.
        if (c.kind === 'drawing' || c.name === 'sample') expect(c.viewOnly, `${l.id} ${c.name}`).toBe(true);
      }
    }
  });
});

describe('ch03-01: the four runs’ batch sizes', () => {
  it('default: the course’s 60, 1, 5, 10; set: labels and batch sizes follow, and the steps per epoch with them', () => {
    const t = trainer('ch03-01');
    expect(labels(t)).toEqual(['batch 60 (full)', 'batch 1', 'batch 5', 'batch 10']);
    expect(t.runs.map((r) => r.hp.batchSize)).toEqual([60, 1, 5, 10]);
    t.trainStep();
    const g = t.generation;
    t.setValues({ batchRun1: 20, batchRun2: 60, batchRun4: 3 });
    expect(t.generation).toBe(g + 1);
    expect(t.step).toBe(0);
    expect(labels(t)).toEqual(['batch 20', 'batch 60 (full)', 'batch 5', 'batch 3']);
    expect(t.runs.map((r) => r.hp.batchSize)).toEqual([20, 60, 5, 3]);
    expect(t.runs.map((r) => r.model.stepsPerEpoch(r.hp.batchSize))).toEqual([3, 1, 12, 20]);
    // The room-wide batch size is no control here; a patch leaves the runs' own sizes alone.
    t.applyPatch({ lr: 0.05 });
    expect(t.runs.map((r) => r.hp.batchSize)).toEqual([20, 60, 5, 3]);
    t.dispose();
  });

  it('a run’s batch size is what it trains on: batch 60 in any slot reports the full-batch loss (the surface under θ₀)', () => {
    const t = trainer('ch03-01', { batchRun3: 60 });
    t.trainStep();
    // Runs 1 and 3 are both full-batch from the same start on the same data: the same first loss.
    expect(t.losses.columns[2]![0]).toBeCloseTo(t.losses.columns[0]![0]!, 4);
    // Run 2 (batch 1) reports sample 0's squared error at (−15, −10).
    const reg = t.runs[1]!.model.regression!;
    expect(t.losses.columns[1]![0]).toBeCloseTo((-15 * reg.x[0]! - 10 - reg.y[0]!) ** 2, 2);
    t.dispose();
  });
});

describe('ch03-03: the four runs’ learning rates', () => {
  it('labels and lrs follow the options; the first update scales with each run’s lr; the loss-vs-lr panel follows', () => {
    const t = trainer('ch03-03');
    expect(labels(t)).toEqual(['lr = 0.1', 'lr = 0.01', 'lr = 0.001', 'lr = 0.0001']);
    t.setValues({ lrRun2: 0.05, lrRun4: 0.02 });
    expect(labels(t)).toEqual(['lr = 0.1', 'lr = 0.05', 'lr = 0.001', 'lr = 0.02']);
    expect(t.runs.map((r) => r.hp.lr)).toEqual([0.1, 0.05, 0.001, 0.02]);
    const start = t.runs.map((r) => r.model.surface!.position());
    t.trainStep();
    // Same start, same sample (batch 1 in order): Δθ = −lr·∇L, so the steps scale as the lrs.
    const dw = t.runs.map((r, i) => r.model.surface!.position()[0] - start[i]![0]);
    expect(dw[0]).not.toBe(0);
    expect(dw[1]! / dw[0]!).toBeCloseTo(0.5, 3);
    expect(dw[3]! / dw[0]!).toBeCloseTo(0.2, 3);
    // The first run's panel reads the rebuilt runs (keyed by slot), smallest lr first.
    const xs = data(viewOf(t, 0), 'byLr.x');
    expect(xs).toHaveLength(4);
    [0.001, 0.02, 0.05, 0.1].forEach((lr, i) => expect(xs[i]).toBeCloseTo(Math.log10(lr), 5));
    expect(viewOf(t, 1).fields['byLr.x']).toBeUndefined();
    t.dispose();
  });
});

describe('ch07-02: the two runs’ hidden units', () => {
  it('default 7 and 13 (22 and 40 parameters); set: 3h + 1 parameters per run, labels and the bumps panel follow', () => {
    const t = trainer('ch07-02');
    expect(labels(t)).toEqual(['7 hidden units', '13 hidden units']);
    expect(t.runs.map((r) => r.paramCount())).toEqual([22, 40]);
    t.setValues({ hiddenRun1: 1, hiddenRun2: 20 });
    expect(t.step).toBe(0);
    expect(labels(t)).toEqual(['1 hidden unit', '20 hidden units']);
    expect(t.runs.map((r) => r.paramCount())).toEqual([4, 61]);
    expect(param(t, 1, 'fc1.W')).toHaveLength(20);
    // One weighted sigmoid per hidden unit, plus the sum z(x).
    const bumps = viewOf(t, 0).layout.find((p) => p.title.startsWith('each hidden unit'))!;
    expect(1 + (bumps.lines?.length ?? 0)).toBe(1 + 1);
    t.trainStep();
    t.dispose();
  });
});

describe('ch09-04: shuffle', () => {
  /** The training rows of the latest build (the second-last row source made: validation comes after). */
  const trainRows = (): LabelledRows => made.rows.at(-2) as LabelledRows;
  const labelsOf = (rows: LabelledRows, start: number, count: number): number[] =>
    tf.tidy(() => Array.from(rows.rows(start, count).y.dataSync()));

  it('on (default): the class-ordered set is fed in a shuffled order; off: the course’s order, 5,000 vertical then horizontal', () => {
    const t = trainer('ch09-04');
    expect(t.values.shuffle).toBe(true);
    const shuffled = labelsOf(trainRows(), 0, 100);
    expect(new Set(shuffled)).toEqual(new Set([0, 1]));
    const firstLoss = t.evaluateLoss();
    t.setValues({ shuffle: false });
    expect(t.step).toBe(0);
    const ordered = trainRows();
    expect(labelsOf(ordered, 0, 100)).toEqual(Array(100).fill(0));
    expect(labelsOf(ordered, 4990, 20)).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
    // The same net (same init stream) on another first batch.
    expect(t.evaluateLoss()).not.toBeCloseTo(firstLoss, 6);
    t.dispose();
  });
});

describe('ch04-02: issue 5 options (de-correlated inputs, noise per output)', () => {
  it('data: the defaults are the course’s draws; decorrelate draws x2 apart from x1; separateNoise gives y2 its own noise', () => {
    const course = multiOutput(1);
    expect(multiOutput(1, { decorrelate: false, separateNoise: false })).toEqual(course);
    const sep = multiOutput(1, { noise: 0.5, separateNoise: true });
    expect(sep.x).toEqual(course.x);
    const e1 = Array.from({ length: 20 }, (_, i) => sep.y[2 * i]! - sep.f[2 * i]!);
    const e2 = Array.from({ length: 20 }, (_, i) => sep.y[2 * i + 1]! - sep.f[2 * i + 1]!);
    expect(e1.filter((e, i) => Math.abs(e - e2[i]!) > 0.01).length).toBeGreaterThan(15);
    const de = multiOutput(1, { decorrelate: true });
    expect(Array.from({ length: 20 }, (_, i) => de.x[2 * i] === de.x[2 * i + 1]).some(Boolean)).toBe(false);
  });

  it('default: the fits along x1 = x2 with one noise draw for both outputs; separate noise: the residuals differ', () => {
    const residuals = (t: Trainer): [number[], number[]] => {
      const v = viewOf(t);
      const [p1, p2] = [data(v, 'out1.points'), data(v, 'out2.points')];
      // Along the diagonal: f1 = 2t + 1, f2 = 2t − 1.
      const r = (p: number[], c: number): number[] => Array.from({ length: 20 }, (_, i) => p[2 * i + 1]! - (2 * p[2 * i]! + c));
      return [r(p1, 1), r(p2, -1)];
    };
    const shared = trainer('ch04-02', { noise: 0.5 });
    const [a1, a2] = residuals(shared);
    a1.forEach((e, i) => expect(e).toBeCloseTo(a2[i]!, 4));
    const separate = trainer('ch04-02', { noise: 0.5, separateNoise: true });
    const [b1, b2] = residuals(separate);
    expect(b1.filter((e, i) => Math.abs(e - b2[i]!) > 0.01).length).toBeGreaterThan(15);
    shared.dispose();
    separate.dispose();
  });

  it('decorrelated inputs: W itself is learnt (→ [[1, −1], [1, 3]]), and the panels plot each prediction against its data', () => {
    const t = trainer('ch04-02', { decorrelate: true, noise: 0 });
    const v0 = viewOf(t);
    expect(v0.layout.find((p) => p.field === 'out1.y0')!.title).toBe('output y1: prediction against data');
    const d = multiOutput(1, { decorrelate: true, noise: 0 });
    const pts = data(v0, 'out2.points');
    Array.from({ length: 20 }, (_, i) => expect(pts[2 * i]).toBeCloseTo(d.y[2 * i + 1]!, 5));
    for (let i = 0; i < 1500; i++) t.trainStep();
    const W = param(t, 0, 'fc1.W');
    [1, -1, 1, 3].forEach((w, i) => expect(W[i]).toBeCloseTo(w, 1));
    // Each point's ŷ is the network's prediction: on the line ŷ = y once fitted.
    const v = viewOf(t);
    const p = data(v, 'out1.points');
    Array.from({ length: 20 }, (_, i) => expect(p[2 * i + 1]).toBeCloseTo(p[2 * i]!, 1));
    t.dispose();
  });
});
