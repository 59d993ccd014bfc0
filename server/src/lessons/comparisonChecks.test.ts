/**
 * The comparison lessons (issue 3): the catalogue's numbers per variant (parameter counts, ch08-07's momentum
 * paths), the same start and the same batches for every variant, and the course bugs fixed. CPU backend: only the
 * toy models train here; the MNIST lessons are built, not trained (lessons.test.ts trains every lesson on wasm).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson } from './registry.ts';
import type { TrainingLesson } from './types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const lesson = (id: string): TrainingLesson => getTrainingLesson(id)!;
const values = (v: tf.Variable): number[] => Array.from(v.dataSync());
/** A run's parameter by name. */
const param = (t: Trainer, run: number, name: string): tf.Variable => {
  const m = t.runs[run]!.model;
  return m.params[m.paramNames.indexOf(name)]!;
};

describe('parameter counts per variant (lessons.md summary table)', () => {
  const counts: [string, number[]][] = [
    ['ch03-01', [2, 2, 2, 2]],
    ['ch03-03', [2, 2, 2, 2]],
    ['ch07-02', [22, 40]],
    ['ch07-05', [7960, 7960, 7960]],
    ['ch08-01', [42310, 42310, 42310]],
    ['ch08-03', [91802, 91802]],
    ['ch08-04', [91201, 91201]],
    ['ch08-05', [7, 7]],
    ['ch08-06', [119810, 119810, 119810, 119810]],
    ['ch08-07', [1, 1, 1, 1, 1, 1]],
    ['ch08-08', [303, 303, 303, 303]],
    ['ch08-09', [89610, 90010]],
    // 603 for the course's two models; batch norm on the hidden layer adds γ and β (200), not the original's
    // unused 206.
    ['ch08-10', [603, 603, 803]],
    ['ch09-06', [18378, 18494]],
  ];
  it.each(counts)('%s has %j trainable parameters', async (id, n) => {
    const l = lesson(id);
    await l.prepare?.();
    const t = new Trainer(l, 1);
    expect(t.runs.map((r) => r.paramCount())).toEqual(n);
    expect(t.runs.map((r) => r.label)).toEqual(l.variants!.map((v) => v.label));
    t.dispose();
  }, 60_000);
});

describe('ch09-06 batch norm per layer (options)', () => {
  it('turning off BN after conv2 removes bn2 (γ, β of 32 channels) from the batch-norm net only, and restarts the run', async () => {
    const l = lesson('ch09-06');
    await l.prepare?.();
    const t = new Trainer(l, 1);
    const g = t.generation;
    t.setValues({ bnConv2: false });
    expect(t.generation).toBe(g + 1);
    expect(t.step).toBe(0);
    expect(t.runs.map((r) => r.paramCount())).toEqual([18378, 18494 - 64]);
    expect(t.runs[1]!.model.paramNames.filter((n) => n.startsWith('bn'))).toEqual(['bn1.gamma', 'bn1.beta', 'bnfc.gamma', 'bnfc.beta']);
    t.dispose();
  }, 60_000);
});

describe('ch08-07 (momentum on 1-D objectives, PyTorch form)', () => {
  const run = (steps: number) => {
    const t = new Trainer(lesson('ch08-07'), 1, {}, 20, false);
    for (let i = 0; i < steps; i++) t.trainStep();
    // w_k of run r: the path's x column holds θ_k for every step k.
    const path = (r: number): number[] => t.path.columns[3 * r]!;
    return { t, path };
  };

  // μ 0: 4 → 3.52 → 3.14829 → 2.85094 … 1.73549; μ 0.9: 4 → 3.52 → 2.71629 → 1.77160 → 0.82722 → −0.04324 … −4.09954.
  it('reproduces the catalogue’s first steps on the cubic, with and without momentum', () => {
    const { t, path } = run(11);
    [4, 3.52, 3.14829, 2.85094].forEach((w, k) => expect(path(0)[k]).toBeCloseTo(w, 4));
    expect(path(0)[10]).toBeCloseTo(1.73549, 4);
    [4, 3.52, 2.71629, 1.7716, 0.82722, -0.04324].forEach((w, k) => expect(path(1)[k]).toBeCloseTo(w, 4));
    expect(path(1)[10]).toBeCloseTo(-4.09954, 3);
    // The loss of a step is the objective at θ_k: w³ at 4 is 64.
    expect(t.losses.columns[0]![0]).toBe(64);
    t.dispose();
  });

  it('on the quartic plain descent stops in the local minimum at 4 and momentum 0.9 reaches the global one near −2', () => {
    const { t, path } = run(101);
    [6, 5.408, 5.07147, 4.84741].forEach((w, k) => expect(path(2)[k]).toBeCloseTo(w, 4));
    [6, 5.408, 4.53867, 3.66713].forEach((w, k) => expect(path(3)[k]).toBeCloseTo(w, 4));
    expect(path(2)[100]).toBeCloseTo(4, 3);
    expect(path(3)[100]).toBeCloseTo(-1.991, 2);
    expect(t.losses.columns[2]![0]).toBe(468); // l(6)
    // The cubic with momentum has no minimum: it runs away until w³ overflows, and freezes (NaN from then on).
    expect(t.runs[1]!.diverged).toBe(true);
    t.dispose();
  });

  it('gradient noise moves the path (issue 17) while each reported loss stays the objective at θ_k, on its surface edge', () => {
    const { t, path } = run(5);
    // Same start, different second point: the noise reached the gradient.
    expect(path(4)[0]).toBe(6);
    expect(path(4)[1]).not.toBeCloseTo(path(2)[1]!, 3);
    // Both noisy runs draw the same noise, so with the PyTorch form (buf = g on the first step) their first
    // updates agree; momentum separates them afterwards.
    expect(path(5)[1]).toBe(path(4)[1]);
    const surface = t.runs[4]!.model.surface!;
    for (const r of [1, 4, 5]) {
      const xs = path(r).slice(0, 5);
      const ys = t.path.columns[3 * r + 1]!.slice(0, 5);
      const z = surface.evaluate(Float32Array.from(xs), Float32Array.from(ys));
      xs.forEach((_, k) => expect(z[k]).toBeCloseTo(t.path.columns[3 * r + 2]![k]!, 3));
    }
    t.dispose();
  });
});

describe('every variant starts from the same point and sees the same batches', () => {
  it('ch03-01: all four start at (−15, −10) on the same noisy data; the full-batch loss is the surface (issue 3)', () => {
    const t = new Trainer(lesson('ch03-01'), 3, {}, 20, false);
    t.trainStep();
    const ys = t.runs.map((r) => Array.from(r.model.regression!.y));
    ys.forEach((y) => expect(y).toEqual(ys[0]));
    // Noisy: y differs from the noise-free x − 1.
    const { x, y } = t.runs[0]!.model.regression!;
    expect(y.some((v, i) => Math.abs(v - (x[i]! - 1)) > 0.01)).toBe(true);
    for (let r = 0; r < 4; r++) {
      expect(t.path.columns[3 * r]![0]).toBe(-15);
      expect(t.path.columns[3 * r + 1]![0]).toBe(-10);
    }
    const [full] = t.surface!.evaluate(Float32Array.of(-15), Float32Array.of(-10));
    expect(t.losses.columns[0]![0]).toBeCloseTo(full!, 2);
    // Batch 1's first loss is sample 0's squared error: ŷ(−3) = 35.
    expect(t.losses.columns[1]![0]).toBeCloseTo((35 - y[0]!) ** 2, 2);
    // Each run reports its loss over all 60 points: the surface at its current (w, b).
    t.runs.forEach((r) => {
      const [w, b] = r.model.surface!.position();
      const [atPoint] = r.model.surface!.evaluate(Float32Array.of(w), Float32Array.of(b));
      expect(r.evaluateNow().trainLoss).toBeCloseTo(atPoint!, 3);
    });
    t.dispose();
  });

  it('ch03-03: the four lrs share one start and report training and validation loss after the course’s 10 epochs', () => {
    const t = new Trainer(lesson('ch03-03'), 2, {}, 20, false);
    for (let i = 0; i < 600; i++) t.trainStep();
    for (let r = 1; r < 4; r++) {
      expect(t.path.columns[3 * r]![0]).toBe(t.path.columns[0]![0]);
      expect(t.path.columns[3 * r + 1]![0]).toBe(t.path.columns[1]![0]);
    }
    const [lr1, lr2, , lr4] = t.runs.map((r) => r.evaluateNow()) as { trainLoss: number; valLoss: number }[];
    // lr 0.1 bounces at every outlier and ends far above the others on the training set; lr 0.0001 has not
    // arrived after 600 steps, and does worse on validation data than lr 0.01.
    expect(lr1!.trainLoss).toBeGreaterThan(1.5 * lr2!.trainLoss);
    expect(lr4!.valLoss).toBeGreaterThan(lr2!.valLoss);
    t.dispose();
  });

  it('ch08-08: the four momenta have the same loss on steps 0 and 1 (same weights, same batches, buf = g at first)', () => {
    const t = new Trainer(lesson('ch08-08'), 1, {}, 20, false);
    for (let i = 0; i < 3; i++) t.trainStep();
    const cols = t.losses.columns;
    for (let r = 1; r < 4; r++) {
      expect(cols[r]![0]).toBe(cols[0]![0]);
      expect(cols[r]![1]).toBe(cols[0]![1]);
    }
    expect(cols[3]![2]).not.toBe(cols[0]![2]);
    t.dispose();
  });

  it('ch08-10: plain and momentum 0.4 agree until momentum acts; the BN run has the same dense weights', () => {
    const t = new Trainer(lesson('ch08-10'), 1, {}, 20, false);
    expect(values(param(t, 2, 'fc1.W'))).toEqual(values(param(t, 0, 'fc1.W')));
    expect(t.runs[2]!.model.paramNames).toContain('bn1.gamma');
    expect(t.runs[2]!.model.paramNames).not.toContain('bn2.gamma'); // no batch norm on the outputs
    for (let i = 0; i < 3; i++) t.trainStep();
    expect(t.losses.columns[1]![1]).toBe(t.losses.columns[0]![1]);
    expect(t.losses.columns[1]![2]).not.toBe(t.losses.columns[0]![2]);
    t.dispose();
  });

  it('ch08-09 and ch09-06: with and without batch norm start from the same weights', async () => {
    for (const id of ['ch08-09', 'ch09-06']) {
      const l = lesson(id);
      await l.prepare?.();
      const t = new Trainer(l, 1);
      // The first layer and the output layer (fc3 of the MLP, fc of the CNN).
      for (const name of [t.runs[0]!.model.paramNames[0]!, id === 'ch08-09' ? 'fc3.W' : 'fc.W']) {
        expect(values(param(t, 1, name))).toEqual(values(param(t, 0, name)));
      }
      t.dispose();
    }
  }, 60_000);
});

describe('course bugs fixed', () => {
  it('ch08-05: the symmetric model trains (issue 15), and its two hidden units stay identical', () => {
    const t = new Trainer(lesson('ch08-05'), 1, {}, 20, false);
    expect(values(param(t, 0, 'fc1.W'))).toEqual([1, 1]);
    expect(values(param(t, 0, 'fc2.b'))).toEqual([0]);
    for (let i = 0; i < 200; i++) t.trainStep();
    const [w1, w2] = values(param(t, 0, 'fc1.W'));
    const [b1, b2] = values(param(t, 0, 'fc1.b'));
    const [v1, v2] = values(param(t, 0, 'fc2.W'));
    expect(w1).not.toBe(1); // it trained
    expect(w2).toBe(w1);
    expect(b2).toBe(b1);
    expect(v2).toBe(v1);
    const random = values(param(t, 1, 'fc1.W'));
    expect(random[0]).not.toBe(random[1]);
    t.dispose();
  });

  it('ch08-06: all four initialisations run (issue 16), with the catalogue’s layer-1 bounds', async () => {
    const l = lesson('ch08-06');
    await l.prepare?.();
    const t = new Trainer(l, 1);
    const w = [0, 1, 2, 3].map((r) => values(param(t, r, 'fc1.W')));
    const maxAbs = (xs: number[]) => xs.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(maxAbs(w[0]!)).toBeLessThanOrEqual(1 / 28); // default 0.0357
    expect(maxAbs(w[0]!)).toBeGreaterThan(0.035);
    expect(maxAbs(w[1]!)).toBeLessThanOrEqual(Math.sqrt(6 / 884)); // Xavier 0.0824
    expect(maxAbs(w[1]!)).toBeGreaterThan(0.08);
    expect(maxAbs(w[2]!)).toBeLessThanOrEqual(Math.sqrt(6 / 784)); // He 0.0875
    expect(maxAbs(w[2]!)).toBeGreaterThan(0.085);
    expect(Math.min(...w[3]!)).toBeGreaterThanOrEqual(0); // U(0, 1)
    expect(maxAbs(w[3]!)).toBeGreaterThan(0.99);
    t.dispose();
  }, 60_000);

  it('ch08-03: validation accuracy and loss per variant; dropout is off in evaluation', () => {
    const t = new Trainer(lesson('ch08-03'), 1, {}, 20, false);
    // Same weights and no update yet: evaluation mode makes the two variants agree exactly.
    const before = t.runs.map((r) => r.evaluateNow());
    expect(before[1]).toEqual(before[0]);
    expect(before[0]!.testAccuracy).toBeGreaterThan(0);
    const [a, b] = t.runs.map((r) => r.currentMetrics().trainAccuracy);
    expect(b).toBe(a);
    t.dispose();
  }, 60_000);

  it('ch08-04: validation loss per variant, in evaluation mode', () => {
    const t = new Trainer(lesson('ch08-04'), 1, {}, 20, false);
    const before = t.runs.map((r) => r.evaluateNow());
    expect(before[1]).toEqual(before[0]);
    expect(before[0]!.valLoss).toBeGreaterThan(0);
    t.dispose();
  });
});
