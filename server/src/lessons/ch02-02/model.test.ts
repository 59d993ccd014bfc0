import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { DemoSession } from '../../demo/demoSession.ts';
import { ch02_02, defaultLinear1 } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch02_02.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>, seed = 1): DemoView => ch02_02.compute({ ...defaults, ...values } as never, { tf, seed });
const rows = (v: DemoView, name: string) => fieldRows(v.fields[name]!);

describe('ch02-02 prediction with Linear demo (catalogue check values)', () => {
  it('hand-set w = 2, b = −1: ŷ(1) = 1 and ŷ([1, 2]) = [1, 3]', () => {
    const v = view({});
    expect(rows(v, 'state')).toEqual([[2, -1]]);
    // Rows: your x (1), then x = 1, then the batch [1, 2].
    expect(rows(v, 'predictions')).toEqual([[1, 1], [1, 1], [1, 1], [2, 3]]);
    expect(rows(view({ w: 0.5, b: 1.5, x: -3 }), 'predictions')[0]).toEqual([-3, 0]);
  });

  it('default init: w and b from U(−1, 1) (fan_in 1), drawn from the seed in that order; 2 parameters', () => {
    const { w, b } = defaultLinear1(1);
    const rng = createRng(1);
    expect(w).toBeCloseTo(rng.range(-1, 1), 6);
    expect(b).toBeCloseTo(rng.range(-1, 1), 6);
    expect(defaultLinear1(1)).toEqual({ w, b });
    expect(defaultLinear1(2)).not.toEqual({ w, b });
    for (let seed = 0; seed < 50; seed++) {
      const p = defaultLinear1(seed);
      expect(Math.abs(p.w)).toBeLessThan(1);
      expect(Math.abs(p.b)).toBeLessThan(1);
    }
    const v = view({ defaultInit: true, w: 4, b: 4 });
    expect(rows(v, 'state')[0]![0]).toBeCloseTo(w, 6);
    expect(rows(v, 'state')[0]![1]).toBeCloseTo(b, 6);
    const p = rows(v, 'predictions');
    expect(p[2]![1]).toBeCloseTo(w + b, 5);
    expect(p[3]![1]).toBeCloseTo(2 * w + b, 5);
    expect(v.layout.find((l) => l.title === 'Network')!.text).toContain('2 parameters');
  });

  it('a session recomputes on a change without leaking tensors', () => {
    const s = new DemoSession(ch02_02, 7);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    s.setValues({ defaultInit: true });
    const [frame] = s.frames(all);
    expect(fieldRows(frame!.fields.state!)[0]![0]).toBeCloseTo(defaultLinear1(7).w, 6);
    expect(tf.memory().numTensors).toBe(before);
  });
});
