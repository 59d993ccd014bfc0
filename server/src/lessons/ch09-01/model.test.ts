import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DemoSession } from '../../demo/demoSession.ts';
import { CUSTOM_KERNEL } from './info.ts';
import { ch09_01, convOutputSize } from './model.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults = Object.fromEntries(ch09_01.info.options.map((c) => [c.name, c.default]));
const view = (values: Record<string, unknown>) => ch09_01.compute({ ...defaults, ...values } as never, { tf, seed: 1 });
const output = (values: Record<string, unknown>) => {
  const f = view(values).fields.output!;
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
    expect(JSON.parse(frame!.meta.layout as string)).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(before);
    const controls = ch09_01.info.options;
    expect(validateOptionValues({ stride: 0 }, controls).ok).toBe(false);
    expect(validateOptionValues({ stride: 1.5 }, controls).ok).toBe(false);
    expect(validateOptionValues({ kernel: 'nope' }, controls).ok).toBe(false);
    expect(validateOptionValues({ bogus: 1 }, controls).ok).toBe(false);
    expect(validateOptionValues({ padding: 2, image: 'all ones 4×4' }, controls)).toEqual({ ok: true, values: { padding: 2, image: 'all ones 4×4' } });
    expect(() => s.control('play')).toThrow(/demo/);
  });
});

/** The indices of a mask field's non-zero cells. */
const lit = (v: ReturnType<typeof view>, name: string) =>
  Array.from(v.fields[name]!.data as Float32Array).flatMap((x, i) => (x !== 0 ? [i] : []));
const windowText = (v: ReturnType<typeof view>) => v.layout.find((p) => p.title === 'Sliding window')!.text;

describe('ch09-01 kernel editor', () => {
  it('the custom kernel reads k0…k8 (row-major): a hand-computed case on the vertical line', () => {
    // x is 1 only in column 2, so out[i, j] = Σ_r k[r][2 − j]: the kernel's column sums, right to left.
    const k = [1, 0.5, 0, 0, -1, 0, 2, 0, -2];
    const cells = Object.fromEntries(k.map((v, i) => [`k${i}`, v]));
    expect(output({ kernel: CUSTOM_KERNEL, ...cells })).toEqual([[-2, -0.5, 3], [-2, -0.5, 3], [-2, -0.5, 3]]);
    expect(Array.from(view({ kernel: CUSTOM_KERNEL, ...cells }).fields.kernel!.data)).toEqual(k);
    // The cells apply only to the custom kernel; its defaults are Sobel-x.
    expect(output({ ...cells })).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
    expect(output({ kernel: CUSTOM_KERNEL })).toEqual([[-4, 0, 4], [-4, 0, 4], [-4, 0, 4]]);
    // The client shows the cells only while this option is chosen (LessonOption.shownWhen).
    expect(ch09_01.info.options!.filter((c) => /^k[0-8]$/.test(c.name)).every((c) => c.shownWhen?.control === 'kernel' && c.shownWhen.equals.includes(CUSTOM_KERNEL))).toBe(true);
    // …as one 3×3 block laid out like the kernel: cell kᵢ at index i, row-major.
    const cellsOf = ch09_01.info.options!.filter((c) => /^k[0-8]$/.test(c.name));
    expect(cellsOf.map((c) => c.matrix)).toEqual(cellsOf.map((_, i) => ({ name: 'Kernel cells', rows: 3, cols: 3, index: i })));
    expect(cellsOf.map((c) => c.name)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8']);
    // Each cell is still validated on its own, with the slider's limits.
    const controls = ch09_01.info.options;
    expect(validateOptionValues({ k4: 2.5 }, controls)).toEqual({ ok: true, values: { k4: 2.5 } });
    for (const bad of [{ k4: 11 }, { k4: '2' }, { k4: NaN }, { k9: 1 }]) expect(validateOptionValues(bad, controls).ok, JSON.stringify(bad)).toBe(false);
  });

  it('validateOptionValues accepts cells in −10…10 and refuses the rest', () => {
    const controls = ch09_01.info.options;
    expect(validateOptionValues({ kernel: CUSTOM_KERNEL, k0: -10, k8: 2.5 }, controls).ok).toBe(true);
    expect(validateOptionValues({ k0: 10.5 }, controls).ok).toBe(false);
    expect(validateOptionValues({ k4: -11 }, controls).ok).toBe(false);
    expect(validateOptionValues({ k3: '1' }, controls).ok).toBe(false);
    expect(validateOptionValues({ k3: Number.NaN }, controls).ok).toBe(false);
    expect(validateOptionValues({ k9: 1 }, controls).ok).toBe(false);
    expect(validateOptionValues({ kernel: 'custom' }, controls).ok).toBe(false);
  });
});

describe('ch09-01 sliding window', () => {
  it('outlines the input cells under the window and the output cell, and writes out the sum', () => {
    const v = view({ window: 0 });
    expect(lit(v, 'output.window')).toEqual([0]);
    expect(lit(v, 'input.window')).toEqual([0, 1, 2, 5, 6, 7, 10, 11, 12]);
    expect(windowText(v)).toBe('out[0,0] = Σ x·k = 0·1 + 0·0 + 1·(−1) + 0·2 + 0·0 + 1·(−2) + 0·1 + 0·0 + 1·(−1) = −4');
    const layout = v.layout.filter((p) => p.kind === 'grid');
    expect(layout.map((p) => p.y2)).toEqual(['input.window', undefined, 'output.window']);
  });

  it('follows stride and padding: out[0,1] of the 2×2 ones kernel at stride 3, padding 1', () => {
    const v = view({ image: 'all ones 4×4', kernel: 'ones 2×2', stride: 3, padding: 1, window: 1 });
    // Padded input 6×6: rows 0–1, columns 3–4; row 0 is padding.
    expect(lit(v, 'input.window')).toEqual([3, 4, 9, 10]);
    expect(lit(v, 'output.window')).toEqual([1]);
    expect(windowText(v)).toBe('out[0,1] = Σ x·k = 0·1 + 0·1 + 1·1 + 1·1 = 2');
    expect(Array.from(v.fields.output!.data)[1]).toBe(2);
  });

  it('a position past the last cell wraps around (99 of 9 cells is cell 0); every position matches the output', () => {
    const v = view({ window: 99 });
    expect(lit(v, 'output.window')).toEqual([0]);
    expect(windowText(v)).toMatch(/^out\[0,0\] = .* \(window position 99 wraps to cell 0 of 9\)$/);
    const k = [1, 0.5, 0, 0, -1, 0, 2, 0, -2];
    const cells = Object.fromEntries(k.map((x, i) => [`k${i}`, x]));
    for (let w = 0; w < 9; w++) {
      const u = view({ kernel: CUSTOM_KERNEL, ...cells, window: w });
      const sum = Number(windowText(u)!.split(' = ').at(-1)!.replace('−', '-'));
      expect(sum).toBe(Array.from(u.fields.output!.data)[w]);
    }
  });

  it('window values are validated: integers 0 … 99 (the largest output is 10×10)', () => {
    const controls = ch09_01.info.options;
    expect(validateOptionValues({ window: -1 }, controls).ok).toBe(false);
    expect(validateOptionValues({ window: 1.5 }, controls).ok).toBe(false);
    expect(validateOptionValues({ window: 100 }, controls).ok).toBe(false);
    expect(validateOptionValues({ window: 99 }, controls).ok).toBe(true);
  });
});

describe('ch09-01 window animation', () => {
  it('the window control is an animated integer, and animate survives the JSON the client receives', () => {
    const info = JSON.parse(JSON.stringify(ch09_01.info)) as typeof ch09_01.info;
    const window = info.options.find((c) => c.name === 'window');
    expect(window).toMatchObject({ kind: 'integer', min: 0, step: 1, animate: true });
    expect(info.options.filter((c) => c.animate).map((c) => c.name)).toEqual(['window']);
  });
});
