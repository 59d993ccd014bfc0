import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { validateDemoValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../demo/demoSession.ts';
import { ch09_01, convOutputSize } from './ch09-01.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const output = (values: Record<string, unknown>) => {
  const view = ch09_01.compute({ image: 'vertical line 5×5', kernel: 'Sobel-x 3×3', stride: 1, padding: 0, ...values } as never, { tf, seed: 1 });
  const f = view.fields.output!;
  const [rows, cols] = f.dims as [number, number];
  return Array.from({ length: rows }, (_, r) => Array.from(f.data.slice(r * cols, (r + 1) * cols)));
};

describe('ch09-01 convolution demo (catalogue check values)', () => {
  it('Sobel-x on the vertical line: every row is [−4, 0, 4]', () => {
    expect(output({})).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
  });

  it('2×2 ones on the 4×4 ones image at strides 1, 2, 3, and stride 3 with padding 1', () => {
    const ones = { image: 'all ones 4×4', kernel: 'ones 2×2' };
    expect(output({ ...ones, stride: 1 })).toEqual([[4, 4, 4], [4, 4, 4], [4, 4, 4]]);
    expect(output({ ...ones, stride: 2 })).toEqual([[4, 4], [4, 4]]);
    expect(output({ ...ones, stride: 3 })).toEqual([[4]]);
    expect(output({ ...ones, stride: 3, padding: 1 })).toEqual([[1, 2], [2, 4]]);
  });

  it('output size rule, including a kernel that does not fit', () => {
    expect(convOutputSize(5, 3, 1, 0)).toBe(3);
    expect(convOutputSize(4, 2, 3, 1)).toBe(2);
    expect(convOutputSize(4, 3, 4, 0)).toBe(1);
    expect(output({ image: 'all ones 4×4', kernel: 'ones 3×3', stride: 4, padding: 0 })).toEqual([[9]]);
    expect(convOutputSize(2, 3, 1, 0)).toBe(0);
  });

  it('a session recomputes on a change, validates values, and never leaks tensors', () => {
    const s = new DemoSession(ch09_01, 1);
    const all = new Set(['panels'] as const);
    expect(s.frames(all)).toHaveLength(1);
    expect(s.frames(all)).toHaveLength(0);
    const before = tf.memory().numTensors;
    expect(s.setValues({ stride: 2 })).toEqual({ stride: [1, 2] });
    const [frame] = s.frames(all);
    expect(frame!.fields.output!.dims).toEqual([2, 2]);
    expect(JSON.parse(frame!.meta.layout as string)).toHaveLength(4);
    expect(tf.memory().numTensors).toBe(before);
    const controls = ch09_01.info.demoControls;
    expect(validateDemoValues({ stride: 0 }, controls).ok).toBe(false);
    expect(validateDemoValues({ stride: 1.5 }, controls).ok).toBe(false);
    expect(validateDemoValues({ kernel: 'nope' }, controls).ok).toBe(false);
    expect(validateDemoValues({ bogus: 1 }, controls).ok).toBe(false);
    expect(validateDemoValues({ padding: 2, image: 'all ones 4×4' }, controls)).toEqual({ ok: true, values: { padding: 2, image: 'all ones 4×4' } });
    expect(() => s.control('play')).toThrow(/demo/);
  });
});
