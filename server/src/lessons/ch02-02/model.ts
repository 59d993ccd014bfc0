/**
 * ch02-02 · Chapter02_02LinearRegression (no training): prediction with Linear 1→1 wrapped in a custom module,
 * whose parameters are named `linear.weight` and `linear.bias` (2 parameters). The course first sets w = 2, b = −1
 * by hand (ŷ(1) = 1, ŷ([1, 2]) = [1, 3]), then uses PyTorch's default init with seed 1. Here w and b are sliders
 * (starting at the hand-set values), and a toggle replaces them with the default init: w and b from
 * U(−1/√fan_in, +1/√fan_in) = U(−1, 1) (fan_in = 1), drawn from our seeded PRNG with the room's seed (PyTorch's
 * stream cannot be reproduced; lessons.md "Seeds").
 * ŷ = x·W + b is computed with tfjs (matMul + add) for the chosen x and the course's inputs 1 and [1, 2], and
 * drawn on the 1 → 1 network graph: one edge of weight w, the nodes filled with x and ŷ.
 */
import { createRng } from '../../data/prng.ts';
import { networkView } from '../../probe/views/network.ts';
import { initBias, initWeight } from '../../train/init.ts';
import { fmt, linspace, rowsField, tensorField } from '../demoKit.ts';
import { demoLesson } from '../join.ts';
import { info } from './info.ts';

/** Linear 1→1's default init for a seed: w, then b, both U(−1, 1) (fan_in = 1), in that order from one stream. */
export function defaultLinear1(seed: number): { w: number; b: number } {
  const rng = createRng(seed);
  const w = initWeight('default', [1, 1], rng)[0]!;
  const b = initBias('default', 1, 1, rng)[0]!;
  return { w, b };
}

export const ch02_02 = demoLesson(info, {
  compute(values, { tf, seed }) {
    const { defaultInit: init, x } = values;
    const { w, b } = init ? defaultLinear1(seed) : values;
    // Linear's layout in TF.js: X [n, 1] · W [1, 1] + b [1] → ŷ [n, 1].
    const W = tf.tensor2d([[w]]);
    const B = tf.tensor1d([b]);
    const predict = (xs: number[]) => tf.add(tf.matMul(tf.tensor2d(xs, [xs.length, 1]), W), B);
    // Rows: the chosen x, then the course's x = 1 and the batch [1, 2].
    const inputs = [x, 1, 1, 2];
    const yhat = predict(inputs).dataSync();
    const line = linspace(-5, 5, 21);
    const yLine = predict(line);
    const source = init ? `default init, seed ${seed}` : 'sliders';
    // The graph of Linear(1, 1): one edge (W [1, 1] = w), node values the chosen x and its ŷ.
    const graph = networkView('net', 'Network graph (edge: w; nodes: your x and its ŷ = w·x + b)', [
      { W: Float32Array.of(w), b: Float32Array.of(b), inDim: 1, outDim: 1 },
    ], { values: [[x], [yhat[0]!]], names: ['x', 'ŷ'] });
    return {
      fields: {
        ...graph.fields,
        state: rowsField([[w, b]]),
        predictions: rowsField(inputs.map((xi, i) => [xi, yhat[i]!])),
        x: tensorField(tf.tensor1d(line)),
        'ŷ': tensorField(yLine, [line.length]),
      },
      layout: [
        { kind: 'table', title: `model.state_dict() (${source})`, field: 'state', columns: ['linear.weight', 'linear.bias'] },
        {
          kind: 'text',
          title: 'Network',
          text: `x = ${fmt(x)} ──(× w = ${fmt(w)})──▶ ${fmt(w * x)} ──(+ b = ${fmt(b)})──▶ ŷ = ${fmt(yhat[0]!)}. ` +
            'Linear(1, 1) has 2 parameters: linear.weight [1×1] and linear.bias [1].',
        },
        ...graph.layout,
        { kind: 'table', title: 'Predictions: your x; model(tensor([[1.]])); model(tensor([[1.], [2.]]))', field: 'predictions', columns: ['x', 'ŷ = w·x + b'] },
        { kind: 'series', title: `ŷ = ${fmt(w)}·x ${b < 0 ? '−' : '+'} ${fmt(Math.abs(b))}`, field: 'ŷ', x: 'x' },
      ],
    };
  },
});
