/**
 * ch04-02 · Chapter04_02MultipleOutputLR: multiple-output linear regression.
 * Data: the 20 collinear inputs of ch04-01 (x1 = x2 = −1…1 step 0.1); Y = X·W + b with W = [[1, −1], [1, 3]]
 * (rows = inputs) and b = [1, −1], i.e. y1 = x1 + x2 + 1 and y2 = −x1 + 3x2 − 1, plus 0.001·ε (the same draw in
 * both columns). Model Linear 2→2 (6 parameters, default init), MSE over all 40 outputs, SGD lr 0.1, batch 5 in
 * order (4 steps per epoch; the course runs 50 epochs = 200 steps).
 * Views: the weight matrix and the bias as grids; the two fitted planes ŷ1 and ŷ2 as heatmaps over the (x1, x2)
 * square, each with its output's data drawn on it (a dot at each sample's (x1, x2) filled with its y_k on the
 * plane's colours, so residuals show); and each output's fit along the diagonal x1 = x2 where the data lie (the two fitted planes seen where they are determined); with de-correlated inputs the data leave the
 * diagonal, and each output's panel plots the prediction against the data instead.
 * Options (issue 5, off by default as in the course): `decorrelate` draws x2 ~ U(−1, 1) independently of x1, so W
 * itself is determined; `separateNoise` draws each output's noise on its own; `noise` scales it.
 */
import { createRng } from '../../data/prng.ts';
import { multiOutput } from '../../data/synthetic.ts';
import { joinViews, textView } from '../../probe/views/compose.ts';
import { curveView, grid1d, gridView } from '../../probe/views/curve1d.ts';
import { denseValues } from '../../probe/views/denseJs.ts';
import { planePoints, planeView } from '../../probe/views/plane.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/** The true weights as the course writes them: rows = inputs, columns = outputs; and the biases. */
const TRUE_W = [
  [1, -1],
  [1, 3],
];
const TRUE_B = [1, -1];

export const ch04_02 = trainingLesson(info, {
  build: ({ seed, hp, options }) => {
    const { decorrelate, noise, separateNoise } = options;
    const data = multiOutput(seed, { noise, decorrelate, separateNoise });
    const spec: MlpSpec = { sizes: [2, 2], activation: 'identity', batchNorm: false, dropout: false };
    const net = buildMlp(spec, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 2, x: data.x, y: data.y, yDim: 2 }), hp, { head: 'identity', loss: 'mse' });
    // Along the diagonal x1 = x2 = t, over the data's range; the data as (t, y_k) per output.
    const ts = grid1d(-1, 0.9, 20);
    const dataOf = (k: number): Float32Array => Float32Array.from({ length: 40 }, (_, i) => (i % 2 ? data.y[2 * (i >> 1) + k] : data.x[2 * (i >> 1)]) as number);
    const points = [dataOf(0), dataOf(1)];
    const truthOf = (k: number): Float32Array => Float32Array.from(ts, (t) => t * ((TRUE_W[0]![k] as number) + (TRUE_W[1]![k] as number)) + (TRUE_B[k] as number));
    const truth = [truthOf(0), truthOf(1)];
    const note = textView(
      'true values',
      decorrelate
        ? 'W = [[1, −1], [1, 3]] (rows x1, x2; columns y1, y2), b = [1, −1]. With x2 drawn independently of x1 every entry of W can be learnt.'
        : 'W = [[1, −1], [1, 3]] (rows x1, x2; columns y1, y2), b = [1, −1]. With x1 = x2 only the column sums (2 and 2) and the biases can be learnt.',
    );
    /** De-correlated inputs: output k's prediction against its data, with the line ŷ = y of a perfect fit. */
    const againstData = (k: number, fc: { W: ArrayLike<number>; b: ArrayLike<number> }): DemoView => {
      const ys = Array.from({ length: 20 }, (_, i) => data.y[2 * i + k] as number);
      const line = grid1d(Math.min(...ys), Math.max(...ys), 20);
      const pred = (i: number): number =>
        (data.x[2 * i] as number) * (fc.W[k] as number) + (data.x[2 * i + 1] as number) * (fc.W[2 + k] as number) + (fc.b[k] as number);
      return curveView({
        name: `out${k + 1}`,
        title: `output y${k + 1}: prediction against data`,
        x: line,
        curves: [{ name: `ŷ${k + 1} = y${k + 1}`, values: line }],
        points: Float32Array.from({ length: 40 }, (_, j) => (j % 2 ? pred(j >> 1) : (ys[j >> 1] as number))),
        pointsName: `(y${k + 1}, ŷ${k + 1})`,
        pointsAs: 'dots',
        xLabel: `y${k + 1} (data)`,
        yLabel: `ŷ${k + 1}`,
        group: 'the two outputs against their data',
      });
    };
    /** Output k's fit along the diagonal x1 = x2 = t, where the course's data lie. */
    const alongDiagonal = (k: number, fc: { W: ArrayLike<number>; b: ArrayLike<number> }): DemoView =>
      curveView({
        name: `out${k + 1}`,
        title: `output y${k + 1} along x1 = x2`,
        x: ts,
        curves: [
          { name: `ŷ${k + 1}`, values: Float32Array.from(ts, (t) => t * ((fc.W[k] as number) + (fc.W[2 + k] as number)) + (fc.b[k] as number)) },
          { name: `true y${k + 1}`, values: truth[k]! },
        ],
        points: points[k]!,
        pointsName: 'data',
        pointsAs: 'dots',
        xLabel: 'x1 = x2',
        yLabel: `y${k + 1}`,
        group: 'the two fitted planes along the data',
      });
    const planeGroup = 'the two fitted planes ŷ1(x1, x2) and ŷ2(x1, x2)';
    // Each output's data on its plane (on the diagonal x1 = x2 unless de-correlated), coloured by that output's y.
    const planeData = [0, 1].map((k) => planePoints(data.x, data.y, 2, k));
    /** Output k's plane ŷk = W[0][k]·x1 + W[1][k]·x2 + b[k] over the (x1, x2) square, with its data y_k. */
    const planeOf = (k: number, fc: { W: ArrayLike<number>; b: ArrayLike<number> }): DemoView =>
      planeView({
        name: `plane${k + 1}`,
        title: `fitted plane ŷ${k + 1}(x1, x2) and the data y${k + 1}`,
        w1: fc.W[k] as number,
        w2: fc.W[2 + k] as number,
        b: fc.b[k] as number,
        group: planeGroup,
        points: planeData[k]!,
      });
    model.views = (): DemoView => {
      const fc = denseValues(net, 'fc1');
      const fits = [0, 1].map((k) => (decorrelate ? againstData(k, fc) : alongDiagonal(k, fc)));
      return joinViews(
        gridView('W', 'weight matrix W (rows x1, x2; columns y1, y2)', fc.W, 2, 2, { group: 'parameters' }),
        gridView('b', 'bias b (y1, y2)', fc.b, 1, 2, { group: 'parameters' }),
        note,
        planeOf(0, fc),
        planeOf(1, fc),
        ...fits,
      );
    };
    return model;
  },
});
