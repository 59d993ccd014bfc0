/**
 * ch09-01 · Chapter09_01Convolution (no training): convolution as cross-correlation, output size, stride and
 * padding, on the course's fixed images. The engine runs tf.conv2d (no kernel flip, like PyTorch's Conv2d) on
 * the chosen image, kernel, stride and padding, and streams the padded input, the kernel, the output and the
 * size formula ⌊(n + 2p − k)/s⌋ + 1.
 * Kernel editor: the kernel "custom 3×3" reads the nine cells k0…k8 (row-major, −10…10 in steps of 0.5; their
 * defaults are Sobel-x), which the client draws as one 3×3 block of number boxes (LessonOption.matrix). Sliding window: `window` picks one output cell (row-major, 0 … out² − 1, wrapping
 * around when the output is smaller); the input and output grids outline the cells under the window and the
 * cell it computes (their `y2` masks) and a text panel writes out out[i,j] = Σ x·k with every product.
 * Check values: Sobel-x on the 5×5 vertical line gives rows [−4, 0, 4]; a 2×2 ones kernel on the 4×4 ones image
 * gives 3×3 of 4s (stride 1), 2×2 (stride 2), [4] (stride 3), [[1, 2], [2, 4]] (stride 3, padding 1).
 */
import { field } from '@gradcast/shared';
import type { Tensor4D } from '@tensorflow/tfjs-core';
import { COURSE_IMAGES, COURSE_KERNELS } from '../convFixtures.ts';
import type { DemoView } from '../types.ts';
import { windowMasks } from '../demoKit.ts';
import { demoLesson } from '../join.ts';
import { CUSTOM_KERNEL, info, KERNEL_CELLS } from './info.ts';

/** A number as the products text writes it: negatives in brackets with a true minus sign. */
const num = (v: number): string => (v < 0 ? `(−${-v})` : `${v === 0 ? 0 : v}`);

/** Output side of a convolution: ⌊(n + 2p − k)/s⌋ + 1 (0 when the kernel does not fit). */
export const convOutputSize = (n: number, k: number, stride: number, pad: number): number =>
  Math.max(0, Math.floor((n + 2 * pad - k) / stride) + 1);

export const ch09_01 = demoLesson(info, {
  compute(values, { tf }) {
    const image = COURSE_IMAGES[values.image] as number[][];
    const cells = KERNEL_CELLS.map((i) => values[`k${i}` as const]);
    const kernel = values.kernel === CUSTOM_KERNEL ? [0, 3, 6].map((r) => cells.slice(r, r + 3)) : (COURSE_KERNELS[values.kernel] as number[][]);
    const { stride, padding: pad } = values;
    const n = image.length;
    const k = kernel.length;
    const out = convOutputSize(n, k, stride, pad);
    const x = tf.tensor4d(image.flat(), [1, n, n, 1]);
    const padded = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
    const side = n + 2 * pad;
    const input = Float32Array.from(padded.dataSync() as Float32Array);
    const fields: DemoView['fields'] = {
      input: field('f32', input, [side, side]),
      kernel: field('f32', Float32Array.from(kernel.flat()), [k, k]),
      output: field('f32', new Float32Array(0), [0, 0]),
    };
    // The sliding window: output cell (i, j) reads padded rows i·s … i·s + k − 1 and columns j·s … j·s + k − 1.
    const asked = values.window;
    let windowText = 'The kernel does not fit: there is no window to slide.';
    if (out > 0) {
      const win = windowMasks(asked, out, side, k, stride);
      const products: string[] = [];
      let sum = 0;
      win.cells.forEach((cell, q) => {
        const xv = input[cell] as number;
        const kv = (kernel[Math.floor(q / k)] as number[])[q % k] as number;
        products.push(`${num(xv)}·${num(kv)}`);
        sum += xv * kv;
      });
      fields['input.window'] = field('f32', win.input, [side, side]);
      fields['output.window'] = field('f32', win.output, [out, out]);
      windowText = `out[${win.i},${win.j}] = Σ x·k = ${products.join(' + ')} = ${sum < 0 ? `−${-sum}` : sum === 0 ? 0 : sum}${win.wraps}`;
    }
    if (out > 0) {
      const w = tf.tensor4d(kernel.flat(), [k, k, 1, 1]);
      const y = tf.conv2d(x as Tensor4D, w as Tensor4D, stride, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
      fields.output = field('f32', Float32Array.from(y.dataSync() as Float32Array), [out, out]);
    }
    const formula = `output side = ⌊(n + 2p − k)/s⌋ + 1 = ⌊(${n} + 2·${pad} − ${k})/${stride}⌋ + 1 = ${out}`;
    return {
      fields,
      layout: [
        {
          kind: 'grid',
          title: `Input ${n}×${n}${pad ? ` padded by ${pad}` : ''}`,
          field: 'input',
          ...(out > 0 ? { y2: 'input.window' } : {}),
          group: 'convolution',
          scale: 'diverging',
        },
        { kind: 'grid', title: `Kernel ${k}×${k}`, field: 'kernel', group: 'convolution', scale: 'diverging' },
        {
          kind: 'grid',
          title: `Output ${out}×${out}`,
          field: 'output',
          ...(out > 0 ? { y2: 'output.window' } : {}),
          group: 'convolution',
          scale: 'diverging',
        },
        { kind: 'text', title: 'Output size', text: out > 0 ? formula : `${formula}: the kernel does not fit, no output` },
        { kind: 'text', title: 'Sliding window', text: windowText },
      ],
    };
  },
});
