/**
 * ch09-02 · Chapter09_02ActFunc&MaxPool (no training): an activation after a convolution, and max pooling, on the
 * course's fixed images. The engine runs tf.conv2d on the 5×5 vertical line (Sobel-x by default, giving
 * [[−4, 0, 4]]×3), the chosen activation (ReLU by default, giving [[0, 0, 4]]×3), and tf.maxPool with the
 * chosen kernel and stride on the course's 4×4 pooling image (or on the activation map). Pooling has no padding,
 * as the course's MaxPool2d; its output side is ⌊(n − k)/s⌋ + 1, and PyTorch's default stride is the kernel size.
 * The windows are listed with their maximum, and each input cell counts the windows it wins (the first maximum
 * in row-major order on ties, as PyTorch's max_pool2d picks it), so overlapping windows show.
 * Pooling-window animation: `window` picks one output cell (row-major, 0 … out² − 1, wrapping around past the last cell
 * when the output is smaller, as ch09-01); the pool input and output grids outline the window's cells and the
 * cell it produces (their `y2` masks), a second copy of the pool input outlines the winning (max) cell, and a
 * text panel writes out out[i,j] = max(…) = v.
 * Catalogue check values: kernel 2, stride 1 → [[2, 3, 3], [2, 3, 3], [2, 3, 3]]; kernel 2, stride 2 (the
 * default) → [[2, 3], [2, 3]].
 */
import { field, type DemoPanel, type Field, type OptionsOf } from '@gradcast/shared';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { fmt, rowsField, tensorField, windowMasks } from '../demoKit.ts';
import { COURSE_IMAGES, COURSE_KERNELS } from '../convFixtures.ts';
import type { Tf } from '../types.ts';
import { demoLesson } from '../join.ts';
import { info } from './info.ts';

/** The activation after the convolution, as the `activation` option names it. */
type Activation = OptionsOf<typeof info.options>['activation'];

function activate(tf: Tf, x: Tensor, a: Activation): Tensor {
  switch (a) {
    case 'ReLU':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'none':
      return x;
    default:
      throw new RangeError(`ch09-02: unknown activation '${String(a)}'`);
  }
}

/** Max-pooling output side without padding: ⌊(n − k)/s⌋ + 1 (0 when the window does not fit). */
export const poolOutputSize = (n: number, k: number, stride: number): number => (k > n ? 0 : Math.floor((n - k) / stride) + 1);

/**
 * Each window's position and maximum, and how many windows each input cell wins, for an n×n image (rows) under a
 * k×k window moved by `stride`. A window's winner is its first maximum in row-major order; `winners` holds each
 * window's winning cell [row, column], in the windows' order.
 */
export function poolWindows(image: number[][], k: number, stride: number): { windows: number[][]; wins: number[][]; winners: [number, number][] } {
  const n = image.length;
  const out = poolOutputSize(n, k, stride);
  const wins = image.map((row) => row.map(() => 0));
  const windows: number[][] = [];
  const winners: [number, number][] = [];
  for (let i = 0; i < out; i++) {
    for (let j = 0; j < out; j++) {
      const [top, left] = [i * stride, j * stride];
      let best = [top, left];
      for (let r = top; r < top + k; r++) {
        for (let c = left; c < left + k; c++) if (image[r]![c]! > image[best[0]!]![best[1]!]!) best = [r, c];
      }
      wins[best[0]!]![best[1]!]!++;
      windows.push([i, j, top, left, image[best[0]!]![best[1]!]!]);
      winners.push([best[0]!, best[1]!]);
    }
  }
  return { windows, wins, winners };
}

export const ch09_02 = demoLesson(info, {
  compute(values, { tf }) {
    const image = COURSE_IMAGES['vertical line 5×5']!;
    const kernel = COURSE_KERNELS[values.convKernel]!;
    const { activation, kernel: k, stride, poolInput } = values;

    // Convolution: NHWC input [1, 5, 5, 1], kernel [3, 3, 1, 1], stride 1, no padding → [1, 3, 3, 1].
    const x = tf.tensor4d(image.flat(), [1, 5, 5, 1]);
    const conv = tf.conv2d(x, tf.tensor4d(kernel.flat(), [3, 3, 1, 1]), 1, 'valid');
    const act = activate(tf, conv, activation) as Tensor4D;

    const source: Tensor4D = poolInput === 'activation map' ? act : tf.tensor4d(COURSE_IMAGES['pooling 4×4']!.flat(), [1, 4, 4, 1]);
    const n = source.shape[1];
    const out = poolOutputSize(n, k, stride);
    const sourceRows = (() => {
      const d = source.dataSync();
      return Array.from({ length: n }, (_, r) => Array.from(d.slice(r * n, (r + 1) * n)));
    })();
    const { windows, wins, winners } = poolWindows(sourceRows, k, stride);
    const fields: Record<string, Field> = {
      image: tensorField(x, [5, 5]),
      kernel: tensorField(tf.tensor2d(kernel)),
      conv: tensorField(conv, [3, 3]),
      activated: tensorField(act, [3, 3]),
      poolInput: tensorField(source, [n, n]),
      pooled: rowsField([]),
      wins: rowsField(wins),
      windows: rowsField(windows),
    };
    if (out > 0) fields.pooled = tensorField(tf.maxPool(source, [k, k], [stride, stride], 'valid'), [out, out]);
    // The pooling window: output cell (i, j) reads input rows i·s … i·s + k − 1 and columns j·s … j·s + k − 1; its
    // winner is the first maximum in row-major order (as poolWindows and PyTorch pick it).
    const asked = values.window;
    let windowText = `The ${k}×${k} window does not fit in ${n}×${n}: there is no window to slide.`;
    const win = out > 0 ? windowMasks(asked, out, n, k, stride) : null;
    if (win) {
      const [wi, wj] = [win.i, win.j];
      const cells = win.cells.map((cell) => fmt(sourceRows[Math.floor(cell / n)]![cell % n]!));
      const best = winners[win.at]!;
      const winMask = new Float32Array(n * n);
      winMask[best[0] * n + best[1]] = 1;
      fields['poolInput.window'] = field('f32', win.input, [n, n]);
      fields['poolInput.winner'] = field('f32', winMask, [n, n]);
      fields['pooled.window'] = field('f32', win.output, [out, out]);
      windowText =
        `out[${wi},${wj}] = max(${cells.join(', ')}) = ${fmt(sourceRows[best[0]]![best[1]]!)}, won by input[${best[0]},${best[1]}]` +
        ` (rows ${wi * stride}…${wi * stride + k - 1}, columns ${wj * stride}…${wj * stride + k - 1})${win.wraps}`;
    }
    const formula = `output side = ⌊(n − k)/s⌋ + 1 = ⌊(${n} − ${k})/${stride}⌋ + 1 = ${out}`;
    const layout: DemoPanel[] = [
      { kind: 'grid', title: 'Input 5×5', field: 'image', group: 'convolution and activation', scale: 'diverging' },
      { kind: 'grid', title: `Kernel ${values.convKernel}`, field: 'kernel', group: 'convolution and activation', scale: 'diverging' },
      { kind: 'grid', title: 'Convolution z', field: 'conv', group: 'convolution and activation', scale: 'diverging' },
      { kind: 'grid', title: activation === 'none' ? 'No activation: z' : `${activation}(z)`, field: 'activated', group: 'convolution and activation', scale: 'diverging' },
      { kind: 'grid', title: `Pool input ${n}×${n}`, field: 'poolInput', ...(out > 0 ? { y2: 'poolInput.window' } : {}), group: 'max pooling', scale: 'diverging' },
      { kind: 'grid', title: `MaxPool2d(kernel_size=${k}, stride=${stride}), ${out}×${out}`, field: 'pooled', ...(out > 0 ? { y2: 'pooled.window' } : {}), group: 'max pooling', scale: 'diverging' },
      ...(out > 0
        ? [{ kind: 'grid', title: `The window’s maximum (out[${win?.i},${win?.j}])`, field: 'poolInput', y2: 'poolInput.winner', group: 'max pooling', scale: 'diverging' } as DemoPanel]
        : []),
      { kind: 'grid', title: 'Windows each cell wins', field: 'wins', group: 'max pooling', scale: 'sequential' },
      {
        kind: 'text',
        title: 'Output size',
        text: out > 0
          ? `${formula}.${stride === k ? ' Stride = kernel: PyTorch’s default, windows do not overlap.' : stride < k ? ' Stride < kernel: windows overlap, so one maximum can win several.' : ' Stride > kernel: some cells are never in a window.'}`
          : `${formula}: the ${k}×${k} window does not fit in ${n}×${n}, no output.`,
      },
      { kind: 'text', title: 'Pooling window', text: windowText },
      { kind: 'table', title: 'Windows: output cell, top-left corner in the input, maximum', field: 'windows', columns: ['out row', 'out col', 'top', 'left', 'max'] },
      {
        kind: 'text',
        title: 'Activation',
        text: activation === 'ReLU'
          ? 'ReLU(z) = max(0, z) keeps the positive responses, where the image matches the kernel, and zeroes the rest.'
          : activation === 'none' ? 'No activation: the pooling sees the raw convolution.' : `${activation} squashes each z element-wise.`,
      },
    ];
    return { fields, layout };
  },
});
