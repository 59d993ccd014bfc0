/**
 * ch06-01 · Chapter06_01Softmax1D: softmax regression in one dimension.
 * Data: x = −2…2 step 0.1 (40 points); class 0 if x ≤ −1, 1 if −1 < x < 1, 2 if x ≥ 1 (11 / 19 / 10), in order.
 * Model Linear 1→3 logits (6 parameters, default init, bound 1), cross-entropy, SGD lr 0.01, batch 5 in order
 * (8 steps per epoch; the course runs 400 epochs = 3,200 steps).
 * Views: the three logit lines over x, the strip of argmax classes with the labelled points, and the softmax
 * probabilities over x with each point at its true class's probability.
 */
import { createRng } from '../../data/prng.ts';
import { threeClass1d } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { column, curveView, grid1d } from '../../probe/views/curve1d.ts';
import { classStripView, softmaxRows } from '../../probe/views/regions.ts';
import { smallClassifierModel } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import { predictRows } from '../../train/nets/mlp.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

export const ch06_01 = trainingLesson(info, {
  build: ({ seed, hp }) => {
    const set = threeClass1d();
    const spec: MlpSpec = { sizes: [1, 3], activation: 'identity', batchNorm: false, dropout: false };
    const net = buildMlp(spec, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = smallClassifierModel(net, { xDim: 1, x: set.x, y: set.labels }, hp);
    const xs = grid1d(-2, 2, 81);
    // The grid and the data in one batch through the network.
    const rows = new Float32Array(xs.length + set.n);
    rows.set(xs);
    rows.set(set.x, xs.length);
    const strip = classStripView({
      title: 'predicted class (argmax of the logits) over x, with the labelled points',
      range: [-2, 2],
      nx: 80,
      classes: 3,
      logits: (cells) => predictRows(net, 'identity', cells, 1),
      x: set.x,
      labels: set.labels,
    });
    model.views = (): DemoView => {
      const logits = predictRows(net, 'identity', rows, 1);
      const grid = logits.subarray(0, 3 * xs.length);
      const probs = softmaxRows(logits, 3);
      const names = ['class 0 (x ≤ −1)', 'class 1', 'class 2 (x ≥ 1)'];
      // Each data point at the probability the model gives its own class.
      const own = Float32Array.from({ length: 2 * set.n }, (_, i) =>
        i % 2 ? (probs[3 * (xs.length + (i >> 1)) + (set.labels[i >> 1] as number)] as number) : (set.x[i >> 1] as number),
      );
      return joinViews(
        curveView({
          name: 'logits',
          title: 'logit lines z_k = w_k·x + b_k',
          x: xs,
          curves: [0, 1, 2].map((k) => ({ name: `z${k}: ${names[k]}`, values: column(grid, 3, k) })),
          xLabel: 'x',
          yLabel: 'logit',
        }),
        strip(),
        curveView({
          name: 'softmax',
          title: 'softmax probabilities over x (points: each sample’s own class)',
          x: xs,
          curves: [0, 1, 2].map((k) => ({ name: `P(${names[k]})`, values: column(probs.subarray(0, 3 * xs.length), 3, k) })),
          points: own,
          pointsName: 'samples, at their own class',
          pointsAs: 'dots',
          xLabel: 'x',
          yLabel: 'probability',
        }),
      );
    };
    return model;
  },
});
