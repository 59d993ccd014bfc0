import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../demo/demoSession.ts';
import { ch09_02, poolOutputSize, poolWindows } from './ch09-02.ts';
import { fieldRows } from './demoKit.ts';
import type { DemoView } from './types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch09_02.info.demoControls.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>): DemoView => ch09_02.compute({ ...defaults, ...values } as never, { tf, seed: 1 });
const rows = (v: DemoView, name: string) => fieldRows(v.fields[name]!);

describe('ch09-02 activation and max pooling demo (catalogue check values)', () => {
  it('Sobel-x on the vertical line gives [[−4, 0, 4]]×3; ReLU turns it into [[0, 0, 4]]×3', () => {
    const v = view({});
    expect(rows(v, 'conv')).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
    expect(rows(v, 'activated')).toEqual([[0, 0, 4], [0, 0, 4], [0, 0, 4]]);
    expect(rows(view({ activation: 'none' }), 'activated')).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
    expect(rows(view({ activation: 'sigmoid' }), 'activated')[0]![1]).toBe(0.5);
  });

  it('max pooling on the 4×4 image: kernel 2 stride 1 → [[2,3,3]]×3; kernel 2 default stride 2 → [[2,3],[2,3]]', () => {
    expect(rows(view({ kernel: 2, stride: 1 }), 'pooled')).toEqual([[2, 3, 3], [2, 3, 3], [2, 3, 3]]);
    expect(rows(view({ kernel: 2, stride: 2 }), 'pooled')).toEqual([[2, 3], [2, 3]]);
    // The stride control defaults to the kernel size, as PyTorch's MaxPool2d.
    expect(rows(view({}), 'pooled')).toEqual([[2, 3], [2, 3]]);
  });

  it('output size, windows and winners', () => {
    expect(poolOutputSize(4, 2, 1)).toBe(3);
    expect(poolOutputSize(4, 3, 2)).toBe(1);
    expect(poolOutputSize(3, 4, 1)).toBe(0);
    const image = [[1, 2, 3, -4], [0, 2, -3, 0], [0, 2, 3, 1], [0, 0, 0, 0]];
    const { windows, wins } = poolWindows(image, 2, 2);
    expect(windows).toEqual([[0, 0, 0, 0, 2], [0, 1, 0, 2, 3], [1, 0, 2, 0, 2], [1, 1, 2, 2, 3]]);
    // Ties go to the first maximum in row-major order: the 2 at (0, 1), not the one at (1, 1).
    expect(wins).toEqual([[0, 1, 1, 0], [0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]]);
    expect(poolWindows(image, 2, 1).wins.flat().reduce((a, b) => a + b)).toBe(9);
    // Pooling the ReLU map; a window that does not fit gives no output.
    expect(rows(view({ poolInput: 'activation map', kernel: 2, stride: 1 }), 'pooled')).toEqual([[0, 4], [0, 4]]);
    const none = view({ poolInput: 'activation map', kernel: 4 });
    expect(none.fields.pooled!.dims).toEqual([0, 0]);
    expect(none.layout.find((p) => p.title === 'Output size')!.text).toMatch(/does not fit/);
  });

  it('a session recomputes without leaking tensors', () => {
    const s = new DemoSession(ch09_02, 1);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    s.setValues({ stride: 1 });
    expect(fieldRows(s.frames(all)[0]!.fields.pooled!)).toEqual([[2, 3, 3], [2, 3, 3], [2, 3, 3]]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
