/**
 * The small training lessons' options and views against hand-computed values: an option changes the data or the
 * model it names (noise 0 gives the noise-free data, a start point sets θ₀, a width sets the parameter count…),
 * its default keeps the course, and each view's numbers are what the model computes (the catalogue's ch02-01
 * path on its loss curve, argmax of the logits, the units' weights…). CPU backend: the models are tiny.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { polynomialBoundary, polynomialBoundaryF, threshold1d } from '../data/synthetic.ts';
import { Trainer } from '../train/trainer.ts';
import type { LessonModel } from './types.ts';
import { data, trainer, viewOf } from './lessonTestKit.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const param = (m: LessonModel, name: string): number[] => Array.from(m.params[m.paramNames.indexOf(name)]!.dataSync());
const count = (t: Trainer, run = 0): number => t.runs[run]!.paramCount();
const sig = (z: number): number => 1 / (1 + Math.exp(-z));

describe('ch02-01: initial w, noise, loss curve with the visited w', () => {
  it('noise 0 reproduces the catalogue path on the curve: w = −10 → −5.79767 → −4.11813, L = 147.08, 23.49, 3.75', () => {
    const t = trainer('ch02-01', { noise: 0 });
    const reg = t.runs[0]!.model.regression!;
    reg.x.forEach((x, i) => expect(reg.y[i]).toBeCloseTo(-3 * x, 5));
    t.trainStep();
    t.trainStep();
    const v = viewOf(t);
    const pts = data(v, 'lossCurve.points');
    [-10, 147.08, -5.79767, 23.49, -4.11813, 3.75].forEach((want, i) => expect(pts[i]).toBeCloseTo(want, i % 2 ? 1 : 3));
    // The curve over the course's w = −10…4: L(w) = (w + 3)²·mean(x²), mean(x²) = 3.001667.
    const ws = data(v, 'lossCurve.x');
    const ls = data(v, 'lossCurve.y0');
    expect([ws[0], ws.at(-1)]).toEqual([-10, 4]);
    ws.forEach((w, i) => expect(ls[i]).toBeCloseTo((w + 3) ** 2 * 3.001667, 2));
    t.dispose();
  });

  it('the default keeps the course’s start and noise; initial w moves θ₀ and widens the curve', () => {
    const t = trainer('ch02-01');
    expect(t.values).toMatchObject({ w0: -10, noise: 0.1 });
    expect(Array.from(t.params[0]!.dataSync())).toEqual([-10]);
    const reg = t.runs[0]!.model.regression!;
    expect(reg.y.some((y, i) => Math.abs(y + 3 * reg.x[i]!) > 0.01)).toBe(true);
    t.setValues({ w0: 8 });
    expect(t.step).toBe(0);
    expect(Array.from(t.params[0]!.dataSync())).toEqual([8]);
    expect(data(viewOf(t), 'lossCurve.x').at(-1)).toBe(8);
    t.dispose();
  });
});

describe('chapter 2–3 linear options', () => {
  it('ch02-03: start (w, b) and noise 0 (y = x − 1)', () => {
    const t = trainer('ch02-03', { w0: 3, b0: -2, noise: 0 });
    expect(t.runs[0]!.model.surface!.position()).toEqual([3, -2]);
    const reg = t.runs[0]!.model.regression!;
    reg.x.forEach((x, i) => expect(reg.y[i]).toBeCloseTo(x - 1, 5));
    t.dispose();
  });

  it('ch03-01: shuffle changes which point batch 1 sees first; the start applies to all four runs', () => {
    const inOrder = trainer('ch03-01', { w0: 1, b0: 2 });
    const shuffled = trainer('ch03-01', { w0: 1, b0: 2, shuffle: true });
    expect(inOrder.runs.map((r) => r.model.surface!.position())).toEqual(Array(4).fill([1, 2]));
    const reg = inOrder.runs[1]!.model.regression!;
    // In order, the batch-1 run's first loss is sample 0's squared error at (1, 2).
    inOrder.trainStep();
    shuffled.trainStep();
    expect(inOrder.losses.columns[1]![0]).toBeCloseTo((reg.x[0]! + 2 - reg.y[0]!) ** 2, 4);
    expect(shuffled.losses.columns[1]![0]).not.toBeCloseTo(inOrder.losses.columns[1]![0]!, 4);
    // Full batch: the order does not matter.
    expect(shuffled.losses.columns[0]![0]).toBeCloseTo(inOrder.losses.columns[0]![0]!, 5);
    inOrder.dispose();
    shuffled.dispose();
  });

  it('ch03-03: outlier options, validation lines, and the loss of every lr against log10 lr', () => {
    const t = trainer('ch03-03', { outlierValue: -5 });
    const reg = t.runs[0]!.model.regression!;
    expect(reg.y[0]).toBe(0);
    expect(reg.y[52]).toBe(-5);
    const v0 = viewOf(t, 0);
    expect(data(v0, 'byLr.x')).toEqual([-4, -3, -2, -1].map((e) => Math.fround(e)));
    // Every lr starts at the same (w, b): one training MSE, computed here by hand.
    const [w, b] = t.runs[0]!.model.surface!.position();
    const mse = reg.x.reduce((s, x, i) => s + (w * x + b - reg.y[i]!) ** 2, 0) / reg.x.length;
    data(v0, 'byLr.y0').forEach((l) => expect(l).toBeCloseTo(mse, 3));
    expect(data(v0, 'byLr.y1')[0]).toBeGreaterThan(0);
    // The other runs draw their own line only; the line is w·x + b.
    const v2 = viewOf(t, 2);
    expect(v2.fields['byLr.x']).toBeUndefined();
    expect(data(v2, 'val.y0')[0]).toBeCloseTo(w * -3 + b, 4);
    // After a rebuild the panel reads the new runs (the old ones are disposed).
    t.setValues({ outliers: false });
    expect(t.runs[0]!.model.regression!.y[0]).not.toBe(0);
    expect(data(viewOf(t, 0), 'byLr.y0')).toHaveLength(4);
    t.dispose();
  });
});

describe('chapter 4', () => {
  it('ch04-01: noise 0 gives y = x1 + x2 + 1; the plane and the valley floor w1 + w2 = β (β = 2 without noise)', () => {
    const t = trainer('ch04-01', { noise: 0 });
    const m = t.runs[0]!.model;
    const reg = m.regression!;
    reg.x.forEach((x, i) => expect(reg.y[i]).toBeCloseTo(2 * x + 1, 5));
    t.trainStep();
    const v = viewOf(t);
    const [w1, w2] = param(m, 'fc1.W');
    const [b] = param(m, 'fc1.b');
    // Top-left cell: x1 = −1, x2 = 1.
    expect(data(v, 'plane')[0]).toBeCloseTo(-w1! + w2! + b!, 5);
    const ws = data(v, 'wPath.x');
    data(v, 'wPath.y0').forEach((w2f, i) => expect(w2f).toBeCloseTo(2 - ws[i]!, 4));
    // The path: θ₀, then the current (w1, w2).
    expect(data(v, 'wPath.points').slice(-2).map((x) => Number(x.toFixed(5)))).toEqual([w1, w2].map((x) => Number(x!.toFixed(5))));
    t.dispose();
  });

  it('ch04-01: de-correlated inputs give a valley floor of another slope', () => {
    const t = trainer('ch04-01', { decorrelate: true, noise: 0 });
    const v = viewOf(t);
    const [x, y] = [data(v, 'wPath.x'), data(v, 'wPath.y0')];
    const slope = (y[1]! - y[0]!) / (x[1]! - x[0]!);
    expect(Math.abs(slope + 1)).toBeGreaterThan(0.5);
    t.dispose();
  });

  it('ch04-02: the weight grid is W as the network holds it (rows inputs, columns outputs), and the fits along x1 = x2', () => {
    const t = trainer('ch04-02');
    t.trainStep();
    const m = t.runs[0]!.model;
    const v = viewOf(t);
    expect(data(v, 'W')).toEqual(param(m, 'fc1.W'));
    expect(v.fields.W!.dims).toEqual([2, 2]);
    expect(data(v, 'b')).toEqual(param(m, 'fc1.b'));
    const W = param(m, 'fc1.W');
    const b = param(m, 'fc1.b');
    const t0 = data(v, 'out2.x')[0]!;
    expect(data(v, 'out2.y0')[0]).toBeCloseTo(t0 * (W[1]! + W[3]!) + b[1]!, 5);
    expect(data(v, 'out2.y1')[0]).toBeCloseTo(2 * t0 - 1, 5);
    t.dispose();
  });
});

describe('ch05-02: loss type, start, slices', () => {
  it('mse trains run A: the surface and the first loss are the catalogue’s 0.35000', () => {
    const t = trainer('ch05-02', { loss: 'mse' });
    expect(t.runs[0]!.model.surface!.evaluate(Float32Array.of(-5), Float32Array.of(-10))[0]).toBeCloseTo(0.35, 4);
    t.dispose();
  });

  it('the slices pass through the current (w, b) at the catalogue’s MSE 0.35000 and BCE 4.5509', () => {
    const t = trainer('ch05-02');
    const v = viewOf(t);
    expect(data(v, 'mse_w.points')).toEqual([-5, Math.fround(0.35)].map((x) => expect.closeTo(x, 4)));
    expect(data(v, 'bce_b.points')[1]).toBeCloseTo(4.5509, 3);
    // The BCE slice along w at b = −10, by hand at w = 15 (the grid's end).
    const set = threshold1d();
    let bce = 0;
    set.x.forEach((x, i) => {
      const p = Math.fround(sig(15 * x - 10));
      bce -= set.labels[i]! ? Math.max(Math.log(p), -100) : Math.max(Math.log1p(-p), -100);
    });
    expect(data(v, 'bce_w.y0').at(-1)).toBeCloseTo(bce / 20, 4);
    t.setValues({ w0: 2, b0: 1 });
    expect(t.runs[0]!.model.surface!.position()).toEqual([2, 1]);
    t.dispose();
  });
});

describe('ch06-01: logits, argmax strip, softmax', () => {
  it('draws z_k = w_k·x + b_k, its argmax along the strip, and probabilities that sum to 1', () => {
    const t = trainer('ch06-01');
    for (let i = 0; i < 8; i++) t.trainStep();
    const m = t.runs[0]!.model;
    const [W, b] = [param(m, 'fc1.W'), param(m, 'fc1.b')];
    const v = viewOf(t);
    const xs = data(v, 'logits.x');
    const z = (x: number, k: number) => W[k]! * x + b[k]!;
    [0, 1, 2].forEach((k) => expect(data(v, `logits.y${k}`)[5]).toBeCloseTo(z(xs[5]!, k), 5));
    // Strip cell c covers [−2 + c·0.05, −2 + (c + 1)·0.05]: its class is the argmax at the centre.
    const cls = data(v, 'strip.class');
    [0, 20, 40, 79].forEach((c) => {
      const x = -2 + (c + 0.5) * 0.05;
      const zs = [0, 1, 2].map((k) => z(x, k));
      expect(cls[c]).toBe(zs.indexOf(Math.max(...zs)));
    });
    const p = [0, 1, 2].map((k) => data(v, `softmax.y${k}`));
    xs.forEach((_, i) => expect(p[0]![i]! + p[1]![i]! + p[2]![i]!).toBeCloseTo(1, 5));
    expect(v.fields['strip.points']!.dims).toEqual([40, 3]);
    t.dispose();
  });
});

describe('chapter 7 hidden-unit views and options', () => {
  it('ch07-01: hidden units and activation; the scatter is (a1, a2) of each sample, the grid (w, b, v) per unit', () => {
    const t = trainer('ch07-01');
    const m = t.runs[0]!.model;
    const v = viewOf(t);
    const [w, b, vOut] = [param(m, 'fc1.W'), param(m, 'fc1.b'), param(m, 'fc2.W')];
    // Sample 0 is x = −20.
    expect(data(v, 'hidden.a').slice(0, 2)).toEqual([sig(-20 * w[0]! + b[0]!), sig(-20 * w[1]! + b[1]!)].map((a) => expect.closeTo(a, 5)));
    expect(data(v, 'hidden.labels')).toHaveLength(40);
    expect(data(v, 'unitWeights')).toEqual([w[0], b[0], vOut[0], w[1], b[1], vOut[1]]);
    t.setValues({ hidden: 3, activation: 'tanh' });
    expect(count(t)).toBe(10); // 3 + 3 + 3 + 1
    const v3 = viewOf(t);
    expect(v3.fields.unitWeights!.dims).toEqual([3, 3]);
    const w3 = param(t.runs[0]!.model, 'fc1.W');
    const b3 = param(t.runs[0]!.model, 'fc1.b');
    expect(data(v3, 'units.y2')[0]).toBeCloseTo(Math.tanh(-20 * w3[2]! + b3[2]!), 5);
    t.dispose();
  });

  it('ch07-02: the units’ weighted sigmoids and the bias sum to z(x), whose σ is the fit curve', () => {
    const t = trainer('ch07-02');
    for (let i = 0; i < 5; i++) t.trainStep();
    for (const run of [0, 1]) {
      const m = t.runs[run]!.model;
      const v = viewOf(t, run);
      const h = run ? 13 : 7;
      const xs = Float32Array.from(data(v, 'bumps.x'));
      const total = data(v, `bumps.y${h}`);
      const fit = m.regression!.predict(xs);
      xs.forEach((_, i) => expect(sig(total[i]!)).toBeCloseTo(fit[i]!, 4));
      const parts = Array.from({ length: h }, (_, j) => data(v, `bumps.y${j}`)[0]!);
      expect(parts.reduce((s, p) => s + p, param(m, 'fc2.b')[0]!)).toBeCloseTo(total[0]!, 4);
    }
    t.dispose();
  });

  it('ch07-03: jitter 0 puts the points on the corners; regions are output > 0.5; one line per hidden unit', () => {
    const t = trainer('ch07-03', { jitter: 0, hidden: 3 });
    expect(count(t)).toBe(13); // 2·3 + 3 + 3 + 1
    const v = viewOf(t);
    const pts = data(v, 'regions.points');
    for (let i = 0; i < pts.length; i += 3) expect([pts[i], pts[i + 1]].every((c) => c === 0 || c === 1)).toBe(true);
    const panel = v.layout[0]!;
    expect(panel.extent).toEqual([-0.1, 1.1, -0.1, 1.1].map((e) => expect.closeTo(e, 6)));
    // The first cell's centre through the network by hand: σ(v·σ(W·x + b) + c) > 0.5.
    const m = t.runs[0]!.model;
    const [W, b, V, c] = [param(m, 'fc1.W'), param(m, 'fc1.b'), param(m, 'fc2.W'), param(m, 'fc2.b')];
    const x = [-0.1 + 0.6 / 30, -0.1 + 0.6 / 30];
    let z = c[0]!;
    for (let j = 0; j < 3; j++) z += V[j]! * sig(x[0]! * W[j]! + x[1]! * W[3 + j]! + b[j]!);
    expect(data(v, 'regions.class')[0]).toBe(sig(z) > 0.5 ? 1 : 0);
    expect(data(v, 'regions.conf')[0]).toBeCloseTo(Math.max(sig(z), 1 - sig(z)), 2); // q8 on the wire; f32 here
    // Each segment lies on one unit's line w1j·x + w2j·y + bj = 0 (both ends on the same line).
    const seg = data(v, 'regions.segments');
    expect(seg.length % 4).toBe(0);
    const on = (j: number, x0: number, y0: number) => Math.abs(W[j]! * x0 + W[3 + j]! * y0 + b[j]!) < 1e-4 * (1 + Math.abs(b[j]!));
    for (let i = 0; i < seg.length; i += 4) {
      expect([0, 1, 2].some((j) => on(j, seg[i]!, seg[i + 1]!) && on(j, seg[i + 2]!, seg[i + 3]!))).toBe(true);
    }
    t.dispose();
  });

  it('ch07-05b: hidden units; the sigmoid variant’s strip holds one class per cell', () => {
    const t = trainer('ch07-05b', { hidden: 4 });
    expect(count(t, 1)).toBe(23); // 4 + 4 + 12 + 3
    const v = viewOf(t, 1);
    expect(v.fields['strip.class']!.dims).toEqual([1, 160]);
    expect(data(v, 'strip.class').every((c) => c >= 0 && c < 3)).toBe(true);
    const w = param(t.runs[1]!.model, 'fc1.W');
    const b = param(t.runs[1]!.model, 'fc1.b');
    expect(data(v, 'units.y3')[0]).toBeCloseTo(sig(-20 * w[3]! + b[3]!), 5);
    t.dispose();
  });
});

describe('chapter 8 options and views', () => {
  it('ch08-02: the layer list option builds the course’s alternatives (303 and 283 parameters)', () => {
    const t = trainer('ch08-02', { layers: '2-50-3' });
    expect(count(t)).toBe(303);
    t.setValues({ layers: '2-10-10-10-3', shuffle: false });
    expect(count(t)).toBe(283);
    const v = viewOf(t);
    expect(v.fields['regions.class']!.dims).toEqual([60, 60]);
    expect(v.fields['regions.points']!.dims).toEqual([1500, 3]);
    t.dispose();
  });

  it('ch08-03: noise 0 trains on the clean points; width sets the size; the true boundary is f = 0', () => {
    const t = trainer('ch08-03', { noise: 0, width: 10 });
    expect(t.runs.map((r) => r.paramCount())).toEqual([162, 162]); // 20 + 10 + 100 + 10 + 20 + 2
    const clean = polynomialBoundary(1, { n: 1000, trainNoise: 0, valNoise: 0.15 }).train.xClean;
    const v = viewOf(t, 1);
    const pts = data(v, 'regions.points');
    expect(pts[3]).toBeCloseTo(clean[4]!, 6); // every second point: the second row is sample 2
    const seg = data(v, 'regions.segments');
    expect(seg.length).toBeGreaterThan(40);
    for (let i = 0; i < seg.length; i += 2) expect(Math.abs(polynomialBoundaryF(seg[i]!, seg[i + 1]!))).toBeLessThan(0.02);
    t.dispose();
  });

  it('ch08-04: noise 0 gives y = x²; the panel draws ŷ in evaluation mode against x²', () => {
    const t = trainer('ch08-04', { noise: 0, width: 10 });
    expect(t.runs.map((r) => r.paramCount())).toEqual([141, 141]);
    const reg = t.runs[0]!.model.regression!;
    reg.x.forEach((x, i) => expect(reg.y[i]).toBeCloseTo(x * x, 6));
    const v = viewOf(t, 1);
    const xs = Float32Array.from(data(v, 'train.x'));
    const fit = t.runs[1]!.model.regression!.predict(xs);
    data(v, 'train.y0').forEach((y, i) => expect(y).toBeCloseTo(fit[i]!, 5));
    data(v, 'val.y1').forEach((y, i) => expect(y).toBeCloseTo(xs[i]! ** 2, 5));
    t.dispose();
  });

  it('ch08-05: init mode and loss; identical units show as identical rows', () => {
    const t = trainer('ch08-05', { initMode: 'zeros, bias 1' });
    const m = t.runs[0]!.model;
    expect(param(m, 'fc1.W')).toEqual([0, 0]);
    expect(param(m, 'fc1.b')).toEqual([1, 1]);
    for (let i = 0; i < 50; i++) t.trainStep();
    const g = data(viewOf(t, 0), 'unitWeights');
    expect(g.slice(3)).toEqual(g.slice(0, 3));
    const a = data(viewOf(t, 0), 'hidden.a');
    for (let i = 0; i < a.length; i += 2) expect(a[i]).toBe(a[i + 1]);
    t.setValues({ initMode: 'same value', initValue: 0.5, loss: 'mse' });
    expect(param(t.runs[0]!.model, 'fc1.W')).toEqual([0.5, 0.5]);
    // MSE at x = −20 (sample 0, label 0): ŷ = σ(0.5·a + 0.5·a + 0), a = σ(−10).
    expect(t.trainStep()).toBeCloseTo(sig(sig(-10)) ** 2, 5);
    t.dispose();
  });

  it('ch08-07: start w per objective, the path on the curve, the velocity readout, gradient noise', () => {
    const t = trainer('ch08-07', { cubicStart: 2 });
    t.trainStep();
    // w³ from 2, lr 0.01: w₁ = 2 − 0.01·12 = 1.88; the momentum buffer is the first gradient, 12.
    const v = viewOf(t, 0);
    expect(data(v, 'objective.points')).toEqual([2, 8, 1.88, 1.88 ** 3].map((x) => expect.closeTo(x, 4)));
    expect(v.layout.find((p) => p.kind === 'text')!.text).toContain('momentum buffer (velocity) = 12');
    expect(data(v, 'objective.x')).toHaveLength(81);
    // Quartic runs: the curve over −4…6, from 6 by default; l(6) = 468.
    expect(data(viewOf(t, 2), 'objective.points').slice(0, 2)).toEqual([6, 468]);
    // Gradient noise 0: the "noisy" quartic runs follow the noise-free ones.
    t.setValues({ gradNoise: 0 });
    for (let i = 0; i < 3; i++) t.trainStep();
    expect(t.runs[4]!.model.surface!.position()).toEqual(t.runs[2]!.model.surface!.position());
    t.dispose();
  });

  it('ch08-08 and ch08-10: shuffle off gives single-class batches; ch08-10’s activation and batch-norm position', () => {
    const on = trainer('ch08-08');
    const off = trainer('ch08-08', { shuffle: false });
    on.trainStep();
    off.trainStep();
    expect(off.losses.columns[0]![0]).not.toBeCloseTo(on.losses.columns[0]![0]!, 4);
    expect(viewOf(off, 3).fields['regions.points']!.dims).toEqual([500, 3]);
    on.dispose();
    off.dispose();
    const relu = trainer('ch08-10');
    const tanh = trainer('ch08-10', { activation: 'tanh' });
    const after = trainer('ch08-10', { bnPosition: 'after activation' });
    expect(relu.trainStep()).not.toBeCloseTo(tanh.trainStep(), 4);
    after.trainStep();
    // Only the batch-norm run moves its BN: the plain run's loss stays, the BN run's changes.
    expect(after.losses.columns[0]![0]).toBeCloseTo(relu.losses.columns[0]![0]!, 6);
    expect(after.losses.columns[2]![0]).not.toBeCloseTo(relu.losses.columns[2]![0]!, 4);
    for (const t of [relu, tanh, after]) t.dispose();
  });
});
