/**
 * ch09-01 · Chapter09_01Convolution (no training): convolution as cross-correlation, output size, stride and
 * padding, on the course's fixed images. The engine runs tf.conv2d (no kernel flip, like PyTorch's Conv2d) on
 * the chosen image, kernel, stride and padding, and streams the padded input, the kernel, the output and the
 * size formula ⌊(n + 2p − k)/s⌋ + 1.
 * Check values: Sobel-x on the 5×5 vertical line gives rows [−4, 0, 4]; a 2×2 ones kernel on the 4×4 ones image
 * gives 3×3 of 4s (stride 1), 2×2 (stride 2), [4] (stride 3), [[1, 2], [2, 4]] (stride 3, padding 1).
 */
import { field } from '@gradcast/shared';
import type { Tensor4D } from '@tensorflow/tfjs-core';
import { COURSE_IMAGES, COURSE_KERNELS } from './convFixtures.ts';
import type { DemoLesson } from './types.ts';

/** Output side of a convolution: ⌊(n + 2p − k)/s⌋ + 1 (0 when the kernel does not fit). */
export const convOutputSize = (n: number, k: number, stride: number, pad: number): number =>
  Math.max(0, Math.floor((n + 2 * pad - k) / stride) + 1);

export const ch09_01: DemoLesson = {
  info: {
    id: 'ch09-01',
    title: 'Convolution: stride and padding',
    chapter: 9,
    trains: false,
    controls: [],
    channels: ['panels'],
    defaults: {},
    description:
      'Slides a kernel over one of the course’s fixed images and shows the padded input, the kernel and the output ' +
      'with the size rule ⌊(n + 2p − k)/s⌋ + 1. The operation is cross-correlation (no kernel flip), as in PyTorch.',
    demoControls: [
      { name: 'image', label: 'Image', kind: 'enum', options: Object.keys(COURSE_IMAGES), default: 'vertical line 5×5' },
      { name: 'kernel', label: 'Kernel', kind: 'enum', options: Object.keys(COURSE_KERNELS), default: 'Sobel-x 3×3' },
      { name: 'stride', label: 'Stride', kind: 'integer', min: 1, max: 4, step: 1, default: 1 },
      { name: 'padding', label: 'Padding', kind: 'integer', min: 0, max: 3, step: 1, default: 0 },
    ],
  },
  compute(values, { tf }) {
    const image = COURSE_IMAGES[values.image as string] as number[][];
    const kernel = COURSE_KERNELS[values.kernel as string] as number[][];
    const stride = values.stride as number;
    const pad = values.padding as number;
    const n = image.length;
    const k = kernel.length;
    const out = convOutputSize(n, k, stride, pad);
    const x = tf.tensor4d(image.flat(), [1, n, n, 1]);
    const padded = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
    const fields = {
      input: field('f32', Float32Array.from(padded.dataSync() as Float32Array), [n + 2 * pad, n + 2 * pad]),
      kernel: field('f32', Float32Array.from(kernel.flat()), [k, k]),
      output: field('f32', new Float32Array(0), [0, 0]),
    };
    if (out > 0) {
      const w = tf.tensor4d(kernel.flat(), [k, k, 1, 1]);
      const y = tf.conv2d(x as Tensor4D, w as Tensor4D, stride, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
      fields.output = field('f32', Float32Array.from(y.dataSync() as Float32Array), [out, out]);
    }
    const formula = `output side = ⌊(n + 2p − k)/s⌋ + 1 = ⌊(${n} + 2·${pad} − ${k})/${stride}⌋ + 1 = ${out}`;
    return {
      fields,
      layout: [
        { kind: 'grid', title: `Input ${n}×${n}${pad ? ` padded by ${pad}` : ''}`, field: 'input', group: 'convolution', scale: 'diverging' },
        { kind: 'grid', title: `Kernel ${k}×${k}`, field: 'kernel', group: 'convolution', scale: 'diverging' },
        { kind: 'grid', title: `Output ${out}×${out}`, field: 'output', group: 'convolution', scale: 'diverging' },
        { kind: 'text', title: 'Output size', text: out > 0 ? formula : `${formula}: the kernel does not fit, no output` },
      ],
    };
  },
};
