/**
 * ch05-01 · Chapter05_01LinearClassifier (no training): the sigmoid and logistic prediction ŷ = σ(w·x + b).
 * The course draws σ over z = −100…100 step 0.1 (2000 values) with nn.Sigmoid and torch.sigmoid (the same
 * values), and predicts with default-init models (seed 1): Linear 1→1 + σ on 1 and [1, 100], Linear 2→1 + σ on
 * [1, 1] and [[1, 1], [1, 2], [1, 3]], and the same two models written as a custom module, on [−100, 0, 100] and
 * on [1, 2] and [[100, −100], [0, 0], [−100, 100]]. The custom module is the same function as Sequential(Linear, σ),
 * so here each size is one model, fed all of the course's inputs.
 *
 * Live: w, b (and w2, the second input's weight) are sliders; a toggle replaces them with the default init,
 * U(±1/√fan_in) (bound 1 for one input, 1/√2 for two), drawn from the room's seed with our PRNG. Panels: σ(z)
 * against σ(w·x + b) on [−10, 10] (beyond |z| ≈ 10 the course's wider grid is flat at 0 or 1), the saturation at
 * large |z|, both models' predictions on the course's inputs, and a probability heatmap over two inputs.
 * Catalogue check: large |z| saturates, σ(−100) ≈ 0 and σ(100) = 1; 2 or 3 parameters.
 */
import { createRng } from '../../data/prng.ts';
import { initBias, initWeight } from '../../train/init.ts';
import { fmt, linspace, rowsField, tensorField } from '../demoKit.ts';
import { demoLesson } from '../join.ts';
import { info } from './info.ts';

/** The course's sigmoid grid: z = −100…100 step 0.1, half-open, so 2000 values (−100 … 99.9). */
export const courseZGrid = (): Float32Array => Float32Array.from({ length: 2000 }, (_, i) => (i - 1000) / 10);

/** Inputs the course predicts for: one-input model, then two-input model (rows x1, x2). */
export const ONE_INPUT_X = [1, 100, -100, 0];
export const TWO_INPUT_X = [
  [1, 1],
  [1, 2],
  [1, 3],
  [100, -100],
  [0, 0],
  [-100, 100],
];

/** Heatmap extent: x1 and x2 ∈ [−5, 5], 21 points each (step 0.5). */
const HEAT = linspace(-5, 5, 21);

export interface LogisticParams {
  /** 1-input model: weight and bias. */
  w: number;
  b: number;
  /** 2-input model: weights of x1 and x2, and bias. */
  w1: number;
  w2: number;
  b2: number;
}

/**
 * Default init for a seed, from one stream in this order: the 1-input model's w and b (bound 1), then the
 * 2-input model's two weights and bias (bound 1/√2).
 */
export function defaultLogistic(seed: number): LogisticParams {
  const rng = createRng(seed);
  const w = initWeight('default', [1, 1], rng)[0]!;
  const b = initBias('default', 1, 1, rng)[0]!;
  const W = initWeight('default', [2, 1], rng); // [fan_in 2, 1 output]: w1, w2
  const b2 = initBias('default', 1, 2, rng)[0]!;
  return { w, b, w1: W[0]!, w2: W[1]!, b2 };
}

export const ch05_01 = demoLesson(info, {
  compute(values, { tf, seed }) {
    const { defaultInit: init, x, x2 } = values;
    const p: LogisticParams = init ? defaultLogistic(seed) : { w: values.w, b: values.b, w1: values.w, w2: values.w2, b2: values.b };

    // σ(z) and the 1-input model's σ(w·x + b) on the same x axis.
    const grid = tf.tensor1d(linspace(-10, 10, 201));
    const sigma = tf.sigmoid(grid);
    const model = tf.sigmoid(tf.add(tf.mul(grid, p.w), p.b));
    // Saturation: σ at the ends and middle of the course's grid.
    const zs = [-100, -10, 0, 10, 100];
    const sat = tf.sigmoid(tf.tensor1d(zs)).dataSync();

    // 1-input model: Linear 1→1 + σ; rows: your x, then the course's inputs. X [n, 1]·W [1, 1] + b.
    const xs1 = [x, ...ONE_INPUT_X];
    const z1 = tf.add(tf.matMul(tf.tensor2d(xs1, [xs1.length, 1]), tf.tensor2d([[p.w]])), p.b);
    const y1 = tf.sigmoid(z1);
    const [z1v, y1v] = [z1.dataSync(), y1.dataSync()];
    // 2-input model: Linear 2→1 + σ; X [n, 2]·W [2, 1] + b.
    const W2 = tf.tensor2d([[p.w1], [p.w2]]);
    const xs2 = [[x, x2], ...TWO_INPUT_X];
    const z2 = tf.add(tf.matMul(tf.tensor2d(xs2), W2), p.b2);
    const y2 = tf.sigmoid(z2);
    const [z2v, y2v] = [z2.dataSync(), y2.dataSync()];
    // Heatmap: rows x2 from +5 (top) to −5, columns x1 from −5 to +5; P(y = 1) in [0, 1].
    const cells = HEAT.slice().reverse().flatMap((r) => HEAT.map((c) => [c, r]));
    const heat = tf.sigmoid(tf.add(tf.matMul(tf.tensor2d(cells), W2), p.b2));

    const source = init ? `default init, seed ${seed}` : 'sliders';
    return {
      fields: {
        x: tensorField(grid),
        'σ(x)': tensorField(sigma),
        'σ(w·x + b)': tensorField(model),
        saturation: rowsField(zs.map((z, i) => [z, sat[i]!])),
        oneInput: rowsField(xs1.map((xi, i) => [xi, z1v[i]!, y1v[i]!])),
        twoInputs: rowsField(xs2.map(([a, c], i) => [a!, c!, z2v[i]!, y2v[i]!])),
        heatmap: tensorField(heat, [HEAT.length, HEAT.length]),
      },
      layout: [
        { kind: 'series', title: `σ(x) and σ(w·x + b) with w = ${fmt(p.w)}, b = ${fmt(p.b)}`, field: 'σ(x)', x: 'x', y2: 'σ(w·x + b)', group: 'sigmoid' },
        { kind: 'table', title: 'Saturation: σ(z) at large |z|', field: 'saturation', columns: ['z', 'σ(z)'], group: 'sigmoid' },
        {
          kind: 'text',
          title: 'Sigmoid',
          group: 'sigmoid',
          text: 'σ(z) = 1/(1 + e^(−z)) maps any z into (0, 1), and σ(0) = 0.5. The course draws it on z = −100…100 step 0.1 ' +
            '(2000 values); beyond |z| ≈ 10 it is 0 or 1 to four decimals, so large inputs give certain predictions.',
        },
        {
          kind: 'table',
          title: `Linear(1, 1) + σ, 2 parameters (${source}: w = ${fmt(p.w)}, b = ${fmt(p.b)}); rows: your x, then 1, 100, −100, 0`,
          field: 'oneInput',
          columns: ['x', 'z = w·x + b', 'ŷ = σ(z)'],
          group: 'one input',
        },
        {
          kind: 'table',
          title: `Linear(2, 1) + σ, 3 parameters (${source}: w = [${fmt(p.w1)}, ${fmt(p.w2)}], b = ${fmt(p.b2)}); rows: your (x1, x2), then the course’s`,
          field: 'twoInputs',
          columns: ['x1', 'x2', 'z = w·x + b', 'ŷ = σ(z)'],
          group: 'two inputs',
        },
        { kind: 'image', title: 'P(y = 1) over x1 → (−5…5) and x2 ↑ (−5…5); white = 1, black = 0', field: 'heatmap', group: 'two inputs' },
      ],
    };
  },
});
