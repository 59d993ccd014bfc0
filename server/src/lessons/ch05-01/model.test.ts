import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../../demo/demoSession.ts';
import { ch05_01, courseZGrid, defaultLogistic, ONE_INPUT_X, TWO_INPUT_X } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch05_01.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>, seed = 1): DemoView => ch05_01.compute({ ...defaults, ...values } as never, { tf, seed });
const rows = (v: DemoView, name: string) => fieldRows(v.fields[name]!);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('ch05-01 sigmoid and logistic prediction demo (catalogue check values)', () => {
  it('the course grid z = −100…100 step 0.1 has 2000 values', () => {
    const z = courseZGrid();
    expect(z).toHaveLength(2000);
    expect(z[0]).toBe(-100);
    expect(z[1999]).toBeCloseTo(99.9, 5);
  });

  it('large |z| saturates to 0 or 1; σ(0) = 0.5', () => {
    const sat = rows(view({}), 'saturation');
    expect(sat.map((r) => r[0])).toEqual([-100, -10, 0, 10, 100]);
    expect(sat[0]![1]).toBeLessThan(1e-30);
    expect(sat[2]![1]).toBe(0.5);
    expect(sat[4]![1]).toBe(1);
    expect(sat[3]![1]).toBeCloseTo(0.99995, 5);
  });

  it('the sliders: ŷ = σ(w·x + b) for the 1-input and 2-input models, on the course inputs', () => {
    const v = view({ w: 2, w2: -1, b: 0.5, x: 1, x2: 2 });
    const one = rows(v, 'oneInput');
    expect(one.map((r) => r[0])).toEqual([1, ...ONE_INPUT_X]);
    one.forEach(([x, z, y]) => {
      expect(z).toBeCloseTo(2 * x! + 0.5, 4);
      expect(y).toBeCloseTo(sigmoid(2 * x! + 0.5), 5);
    });
    // σ(2·100 + 0.5) = 1 and σ(−199.5) ≈ 0: saturated.
    expect(one[2]![2]).toBe(1);
    expect(one[3]![2]).toBeLessThan(1e-30);
    const two = rows(v, 'twoInputs');
    expect(two.map((r) => [r[0], r[1]])).toEqual([[1, 2], ...TWO_INPUT_X]);
    two.forEach(([a, c, z, y]) => {
      expect(z).toBeCloseTo(2 * a! - c! + 0.5, 4);
      expect(y).toBeCloseTo(sigmoid(2 * a! - c! + 0.5), 5);
    });
    // The σ(w·x + b) curve with w = 1, b = 0 is σ itself.
    const d = view({});
    expect(rows(d, 'σ(w·x + b)')).toEqual(rows(d, 'σ(x)'));
  });

  it('default init: U(−1, 1) for one input, U(±1/√2) for two, seeded; 2 and 3 parameters', () => {
    const p = defaultLogistic(1);
    expect(defaultLogistic(1)).toEqual(p);
    for (let seed = 0; seed < 50; seed++) {
      const q = defaultLogistic(seed);
      for (const v of [q.w, q.b]) expect(Math.abs(v)).toBeLessThan(1);
      for (const v of [q.w1, q.w2, q.b2]) expect(Math.abs(v)).toBeLessThan(Math.SQRT1_2);
    }
    const v = view({ defaultInit: true, w: 9, b: 9 });
    const one = rows(v, 'oneInput');
    expect(one[1]![2]).toBeCloseTo(sigmoid(p.w + p.b), 5); // x = 1
    const two = rows(v, 'twoInputs');
    expect(two[1]![2]).toBeCloseTo(p.w1 + p.w2 + p.b2, 5); // [1, 1]
    expect(v.layout.some((l) => l.title.startsWith('Linear(1, 1) + σ, 2 parameters'))).toBe(true);
    expect(v.layout.some((l) => l.title.startsWith('Linear(2, 1) + σ, 3 parameters'))).toBe(true);
  });

  it('the heatmap is P(y = 1) over x1 (columns, −5…5) and x2 (rows, +5 at the top)', () => {
    const h = rows(view({ w: 1, w2: 1, b: 0 }), 'heatmap');
    expect(h).toHaveLength(21);
    expect(h[0]).toHaveLength(21);
    expect(h[0]![20]).toBeCloseTo(sigmoid(10), 5); // top right: x1 = 5, x2 = 5
    expect(h[20]![0]).toBeCloseTo(sigmoid(-10), 5); // bottom left
    expect(h[10]![10]).toBe(0.5);
  });

  it('a session recomputes without leaking tensors', () => {
    const s = new DemoSession(ch05_01, 3);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    s.setValues({ defaultInit: true });
    expect(s.frames(all)).toHaveLength(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
