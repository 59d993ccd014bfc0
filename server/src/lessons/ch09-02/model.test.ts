import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../../demo/demoSession.ts';
import { ch09_02, poolOutputSize, poolWindows } from './model.ts';
import { fieldRows } from '../demoKit.ts';
import type { DemoView } from '../types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch09_02.info.options.map((c) => [c.name, c.default]));
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

  it('pooling window: outlines the window, its output cell and the winner; the text max is the output cell', () => {
    const text = (v: DemoView): string => v.layout.find((p) => p.title === 'Pooling window')!.text!;
    // Kernel 2, stride 2 on the 4×4 image, window 1 = out[0,1]: input rows 0…1, columns 2…3; max 3 at (0, 2).
    const v = view({ kernel: 2, stride: 2, window: 1 });
    expect(rows(v, 'poolInput.window')).toEqual([[0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(rows(v, 'pooled.window')).toEqual([[0, 1], [0, 0]]);
    expect(rows(v, 'poolInput.winner')).toEqual([[0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(text(v)).toMatch(/^out\[0,1\] = max\(3, −4, −3, 0\) = 3,/);
    const grid = v.layout.find((p) => p.field === 'poolInput' && p.y2 === 'poolInput.window');
    expect(grid?.kind).toBe('grid');
    expect(v.layout.find((p) => p.field === 'pooled')!.y2).toBe('pooled.window');
    // Kernel 2, stride 1, window 4 = out[1,1]: rows 1…2, columns 1…2; the tie-free max is 3 at (2, 2).
    const w = view({ kernel: 2, stride: 1, window: 4 });
    expect(rows(w, 'poolInput.window')).toEqual([[0, 0, 0, 0], [0, 1, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0]]);
    expect(rows(w, 'pooled.window')).toEqual([[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
    expect(rows(w, 'poolInput.winner')).toEqual([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]);
    // The text's maximum equals the pooled output cell, for every window of a few settings.
    for (const [kernel, stride, poolInput] of [[2, 1, 'pooling 4×4 (course)'], [3, 1, 'pooling 4×4 (course)'], [2, 1, 'activation map']] as const) {
      const out = poolOutputSize(poolInput === 'activation map' ? 3 : 4, kernel, stride);
      for (let window = 0; window < out * out; window++) {
        const u = view({ kernel, stride, poolInput, window });
        const m = /^out\[(\d+),(\d+)\] = max\([^)]*\) = (\S+),/.exec(text(u))!;
        const [i, j] = [Number(m[1]), Number(m[2])];
        expect([i, j]).toEqual([Math.floor(window / out), window % out]);
        expect(Number(m[3]!.replace('−', '-'))).toBe(rows(u, 'pooled')[i]![j]);
        expect(rows(u, 'poolInput.winner').flat().reduce((a, b) => a + b)).toBe(1);
      }
    }
    // Past the end: the position wraps around (15 of 4 cells is cell 3), and says so.
    const last = view({ kernel: 2, stride: 2, window: 15 });
    expect(rows(last, 'pooled.window')).toEqual([[0, 0], [0, 1]]);
    expect(text(last)).toMatch(/^out\[1,1\] = max\(3, 1, 0, 0\) = 3, .*wraps to cell 3 of 4\)$/);
    // No window when the kernel does not fit: no masks, no outline.
    const none = view({ poolInput: 'activation map', kernel: 4, window: 0 });
    expect(none.fields['poolInput.window']).toBeUndefined();
    expect(none.layout.some((p) => p.y2)).toBe(false);
    expect(text(none)).toMatch(/does not fit/);
    // Bad values are refused.
    const controls = ch09_02.info.options;
    expect(validateOptionValues({ window: 3 }, controls).ok).toBe(true);
    expect(validateOptionValues({ window: -1 }, controls).ok).toBe(false);
    expect(validateOptionValues({ window: 16 }, controls).ok).toBe(false);
    expect(validateOptionValues({ window: 1.5 }, controls).ok).toBe(false);
    expect(validateOptionValues({ window: '2' }, controls).ok).toBe(false);
  });

  it('a session recomputes without leaking tensors', () => {
    const s = new DemoSession(ch09_02, 1);
    const all = new Set(['panels'] as const);
    s.frames(all);
    const before = tf.memory().numTensors;
    s.setValues({ stride: 1 });
    expect(fieldRows(s.frames(all)[0]!.fields.pooled!)).toEqual([[2, 3, 3], [2, 3, 3], [2, 3, 3]]);
    s.setValues({ window: 8 });
    const [frame] = s.frames(all);
    expect(fieldRows(frame!.fields['pooled.window']!)).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 1]]);
    const layout = JSON.parse(frame!.meta.layout as string) as { field?: string; y2?: string }[];
    for (const p of layout) for (const f of [p.field, p.y2]) if (f) expect(frame!.fields[f], f).toBeDefined();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('ch09-02 window animation', () => {
  it('the window control is an animated integer, and animate survives the JSON the client receives', () => {
    const info = JSON.parse(JSON.stringify(ch09_02.info)) as typeof ch09_02.info;
    const window = info.options.find((c) => c.name === 'window');
    expect(window).toMatchObject({ kind: 'integer', min: 0, step: 1, animate: true });
    expect(info.options.filter((c) => c.animate).map((c) => c.name)).toEqual(['window']);
  });
});
