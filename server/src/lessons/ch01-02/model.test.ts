import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../../demo/demoSession.ts';
import { CH01_02_PIPELINES } from './info.ts';
import { ch01_02 } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch01_02.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>): DemoView => ch01_02.compute({ ...defaults, ...values } as never, { tf, seed: 1 });
/** dataset[index] after the pipeline: (x, y) from the first row of the "after" table (columns i, x0, x1, y). */
const sample = (values: Record<string, unknown>) => {
  const [i, x0, x1, y] = fieldRows(view(values).fields.after!)[0]!;
  return { i, x: [x0, x1], y: [y] };
};

describe('ch01-02 dataset and transforms demo (catalogue check values)', () => {
  it('the toy set: length 100, every x = [2, 2], every y = [1]', () => {
    const v = view({ pipeline: 'none', index: 97 });
    expect(fieldRows(v.fields.before!)).toEqual([[97, 2, 2, 1], [98, 2, 2, 1], [99, 2, 2, 1]]);
    expect(v.layout.find((p) => p.title === 'Dataset')!.text).toMatch(/^len\(dataset\) = 100\./);
  });

  it('add-and-multiply gives ([3, 3], [2]); multiply-both ([200, 200], [100]); composed ([300, 300], [200])', () => {
    expect(sample({ pipeline: 'add-and-multiply' })).toEqual({ i: 0, x: [3, 3], y: [2] });
    expect(sample({ pipeline: 'multiply both' })).toEqual({ i: 0, x: [200, 200], y: [100] });
    expect(sample({ pipeline: 'add-and-multiply, then multiply both', index: 42 })).toEqual({ i: 42, x: [300, 300], y: [200] });
    // Stage by stage: before, after add-and-multiply, after multiply both.
    expect(fieldRows(view({}).fields.stages!)).toEqual([[0, 2, 2, 1], [1, 3, 3, 2], [2, 300, 300, 200]]);
  });

  it('the constants are editable', () => {
    expect(sample({ pipeline: 'add-and-multiply', add: -2, mul: 0.5 })).toEqual({ i: 0, x: [0, 0], y: [0.5] });
    expect(sample({ add: 3, mul: -1, scale: 10 })).toEqual({ i: 0, x: [50, 50], y: [-10] });
  });

  it('every pipeline computes through a session without leaking tensors', () => {
    const s = new DemoSession(ch01_02, 1);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    for (const pipeline of CH01_02_PIPELINES) {
      s.setValues({ pipeline });
      expect(s.frames(all, true)).toHaveLength(1);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
