/**
 * ch07-05b · Chapter07_05ActivationFunc_Test: activations on a 1-D three-class task.
 * Data: x = linspace(−20, 20, 100); class 1 if −10 < x < −5 (13 points), class 2 if 5 < x < 10 (13), otherwise 0
 * (74), in order. Model 1 → 2 (activation) → 3 logits (13 parameters, default init), cross-entropy, SGD lr 0.1,
 * batch 5 in order (20 steps per epoch; the course runs 1,000 epochs = 20,000 steps).
 * A comparison lesson (catalogue panel "loss overlay per activation"): three variants — the course's active run
 * ReLU, and its commented-out runs sigmoid and tanh — train in lockstep from the same initial weights (the course
 * reset the seed to 0 before building) on the same batches; the client overlays their loss curves.
 * Options: the number of hidden units (catalogue "Live controls"; the activation switch is replaced by the three
 * variants). Views, per variant side by side: the strip of predicted classes over x with the labelled points, the
 * three logit curves, each hidden unit over x.
 */
import type { Activation } from '../../train/model.ts';
import { createRng } from '../../data/prng.ts';
import { threeClassBumps1d } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { column, curveView, grid1d } from '../../probe/views/curve1d.ts';
import { denseValues } from '../../probe/views/denseJs.ts';
import { unitCurves, unitCurvesView } from '../../probe/views/hiddenUnits.ts';
import { classStripView } from '../../probe/views/regions.ts';
import { smallClassifierModel } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import { predictRows } from '../../train/nets/mlp.ts';
import type { DemoView, Variant } from '../types.ts';
import { activationOf, activationVariants } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/** The course's active run (ReLU) first, then its commented-out runs (sigmoid, tanh). */
const CH07_05B_VARIANTS: Variant[] = activationVariants(['relu', 'sigmoid', 'tanh']);

export const ch07_05b = trainingLesson(info, {
  variants: CH07_05B_VARIANTS,
  build: ({ seed, hp, variant: v, options }) => {
    const set = threeClassBumps1d();
    const activation: Activation = activationOf(v, 'relu');
    const { hidden } = options;
    const spec: MlpSpec = { sizes: [1, hidden, 3], activation, batchNorm: false, dropout: false };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = smallClassifierModel(net, { xDim: 1, x: set.x, y: set.labels }, hp);
    const xs = grid1d(-20, 20, 161);
    const strip = classStripView({
      title: 'predicted class over x, with the labelled points',
      range: [-20, 20],
      nx: 160,
      classes: 3,
      logits: (cells) => predictRows(net, 'identity', cells, 1),
      x: set.x,
      labels: set.labels,
    });
    model.views = (): DemoView => {
      const logits = predictRows(net, 'identity', xs, 1);
      return joinViews(
        strip(),
        curveView({
          name: 'logits',
          title: 'logits z_k(x)',
          x: xs,
          curves: [0, 1, 2].map((k) => ({ name: `z${k} (class ${k})`, values: column(logits, 3, k) })),
          xLabel: 'x',
          yLabel: 'logit',
        }),
        unitCurvesView('units', 'hidden units a(w_j·x + b_j)', xs, unitCurves(xs, denseValues(net, 'fc1'), activation)),
      );
    };
    return model;
  },
});
