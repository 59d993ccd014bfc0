/**
 * ch09-03 · Chapter09_03MultiIN&MultiOUT (no training): convolutions with several input and output channels, on
 * the course's three cases. Output channel o is Σᵢ (input i ⋆ K[o][i]) + b[o]: one 3×3 kernel per (out, in) pair
 * and one bias per output channel, computed by a single tf.conv2d with a [3, 3, in, out] filter (stride 1, no
 * padding, so 5×5 inputs give 3×3 outputs).
 *  - 1 → 3: the vertical line through Sobel-x, Sobel-y and all-ones → [[−4, 0, 4]]×3, all 0, all 3;
 *  - 2 → 1: row 2 = −2 and row 2 = 1 through centre-only kernels 1 and −2 → middle row −4, zeros elsewhere;
 *  - 2 → 3: all ones and a centre dot; out0 0.5 at both centres → [[0.5, 0.5, 0.5], [0.5, 1, 0.5], [0.5, 0.5, 0.5]],
 *    out1 +centre and −centre → [[1, 1, 1], [1, 0, 1], [1, 1, 1]], out2 Sobel-x and Sobel-y →
 *    [[−1, −2, −1], [0, 0, 0], [1, 2, 1]].
 * Each kernel slot of the [out][in] grid is a control: "course" keeps the case's kernel, or pick another from the
 * library; the biases are controls too (course: 0).
 */
import type { DemoPanel, Field } from '@gradcast/shared';
import { CHANNEL_IMAGES } from '../convFixtures.ts';
import { fmt, tensorField } from '../demoKit.ts';
import { demoLesson } from '../join.ts';
import { CH09_03_CASES, KERNEL_LIBRARY } from './cases.ts';
import { biasName, info, slotName } from './info.ts';

const SIDE = 5;
const K = 3;

export const ch09_03 = demoLesson(info, {
  compute(values, { tf }) {
    const c = CH09_03_CASES[values.case]!;
    const nIn = c.inputs.length;
    const nOut = c.kernels.length;
    const kernelName = (o: number, i: number): string => {
      const chosen = values[slotName(o, i)];
      return chosen === 'course' ? c.kernels[o]![i]! : chosen;
    };
    const kernels = c.kernels.map((row, o) => row.map((_, i) => KERNEL_LIBRARY[kernelName(o, i)]!));
    const bias = Array.from({ length: nOut }, (_, o) => values[biasName(o)]);

    // Input NHWC [1, 5, 5, in]: channel i of pixel (r, col) at ((r·5 + col)·in + i).
    const images = c.inputs.map((name) => CHANNEL_IMAGES[name]!);
    const x = tf.tensor4d(
      Array.from({ length: SIDE * SIDE * nIn }, (_, j) => images[j % nIn]![Math.floor(j / nIn / SIDE)]![Math.floor(j / nIn) % SIDE]!),
      [1, SIDE, SIDE, nIn],
    );
    // Filter [3, 3, in, out]: K[o][i][r][col] at (((r·3 + col)·in + i)·out + o).
    const filter = tf.tensor4d(
      Array.from({ length: K * K * nIn * nOut }, (_, j) => {
        const o = j % nOut;
        const i = Math.floor(j / nOut) % nIn;
        const cell = Math.floor(j / (nOut * nIn));
        return kernels[o]![i]![Math.floor(cell / K)]![cell % K]!;
      }),
      [K, K, nIn, nOut],
    );
    const y = tf.add(tf.conv2d(x, filter, 1, 'valid'), tf.tensor1d(bias)); // [1, 3, 3, out]
    const outSide = SIDE - K + 1;

    const fields: Record<string, Field> = {};
    const layout: DemoPanel[] = [];
    images.forEach((_, i) => {
      // tf.gather on the channel axis picks input channel i as [5, 5].
      fields[`in${i}`] = tensorField(tf.gather(x, [i], 3), [SIDE, SIDE]);
      layout.push({ kind: 'grid', title: `in ${i}: ${c.inputs[i]!}`, field: `in${i}`, group: 'input channels', scale: 'diverging' });
    });
    kernels.forEach((row, o) =>
      row.forEach((k, i) => {
        fields[`k${o}${i}`] = tensorField(tf.tensor2d(k), [K, K]);
        layout.push({ kind: 'grid', title: `K[${o}][${i}]: out ${o} ← in ${i}, ${kernelName(o, i)}`, field: `k${o}${i}`, group: 'kernels [out][in]', scale: 'diverging' });
      }),
    );
    for (let o = 0; o < nOut; o++) {
      fields[`out${o}`] = tensorField(tf.gather(y, [o], 3), [outSide, outSide]);
      const terms = Array.from({ length: nIn }, (_, i) => `in ${i} ⋆ K[${o}][${i}]`).join(' + ');
      layout.push({ kind: 'grid', title: `out ${o} = ${terms} + ${fmt(bias[o]!)}`, field: `out${o}`, group: 'output channels', scale: 'diverging' });
    }
    layout.push({
      kind: 'text',
      title: 'Channels',
      text:
        `Conv2d(in_channels=${nIn}, out_channels=${nOut}, kernel_size=3): weight [${nOut}, ${nIn}, 3, 3] (one 3×3 kernel per ` +
        `output–input pair), bias [${nOut}], ${nOut * nIn * 9 + nOut} parameters. Each output channel sums its kernels’ ` +
        'responses over all input channels, then adds its own bias.',
    });
    return { fields, layout };
  },
});
