import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../../demo/demoSession.ts';
import { CH09_03_CASES } from './cases.ts';
import { ch09_03 } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch09_03.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>): DemoView => ch09_03.compute({ ...defaults, ...values } as never, { tf, seed: 1 });
const rows = (v: DemoView, name: string) => fieldRows(v.fields[name]!);
const fill = (v: number) => [[v, v, v], [v, v, v], [v, v, v]];

describe('ch09-03 multiple channels demo (catalogue check values)', () => {
  it('1 → 3: Sobel-x, Sobel-y and ones on the vertical line → [[−4, 0, 4]]×3, all 0, all 3', () => {
    const v = view({ case: '1 → 3 channels' });
    expect(rows(v, 'out0')).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
    expect(rows(v, 'out1')).toEqual(fill(0));
    expect(rows(v, 'out2')).toEqual(fill(3));
    expect(rows(v, 'in0')[0]).toEqual([0, 0, 1, 0, 0]);
    expect(v.fields.in1).toBeUndefined();
  });

  it('2 → 1: row 2 = −2 and row 2 = 1 through centre 1 and centre −2 → middle row −4', () => {
    const v = view({ case: '2 → 1 channel' });
    expect(rows(v, 'in0')[2]).toEqual([-2, -2, -2, -2, -2]);
    expect(rows(v, 'in1')[2]).toEqual([1, 1, 1, 1, 1]);
    expect(rows(v, 'out0')).toEqual([[0, 0, 0], [-4, -4, -4], [0, 0, 0]]);
    expect(v.fields.out1).toBeUndefined();
    // One bias per output channel, added to every cell.
    expect(rows(view({ case: '2 → 1 channel', b0: 1 }), 'out0')).toEqual([[1, 1, 1], [-3, -3, -3], [1, 1, 1]]);
  });

  it('2 → 3: all ones and a centre dot → the three catalogue outputs', () => {
    const v = view({ case: '2 → 3 channels' });
    expect(rows(v, 'out0')).toEqual([[0.5, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 0.5]]);
    expect(rows(v, 'out1')).toEqual([[1, 1, 1], [1, 0, 1], [1, 1, 1]]);
    expect(rows(v, 'out2')).toEqual([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]);
    expect(rows(v, 'k21')).toEqual([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]);
    expect(v.layout.find((p) => p.title === 'Channels')!.text).toContain('weight [3, 2, 3, 3]');
  });

  it('kernel slots are editable: zeroing K[2][1] leaves Sobel-x on all ones (0 everywhere)', () => {
    const v = view({ case: '2 → 3 channels', k21: 'zeros', k20: 'ones 3×3', b2: -1 });
    expect(rows(v, 'out2')).toEqual(fill(8));
    expect(rows(view({ case: '1 → 3 channels', k00: 'centre −1' }), 'out0')).toEqual([[0, -1, 0], [0, -1, 0], [0, -1, 0]]);
  });

  it('every case computes through a session without leaking tensors', () => {
    const s = new DemoSession(ch09_03, 1);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    for (const c of Object.keys(CH09_03_CASES)) {
      s.setValues({ case: c });
      const [frame] = s.frames(all, true);
      const layout = JSON.parse(frame!.meta.layout as string) as { field?: string }[];
      for (const p of layout) if (p.field) expect(frame!.fields[p.field]).toBeDefined();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
