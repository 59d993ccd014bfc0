/**
 * ch08-04 · Chapter08_04DropoutRegression: dropout on a regression task.
 * Data: x = linspace(−1, 1, 40), f = x²; training y = f + ε, validation y = f + ε (an independent draw, same x),
 * std 1. Models 1 → 300 → 300 → 1 with ReLU, dropout on each hidden pre-activation, p = 0 vs p = 0.5 (91,201
 * parameters each, default init; the second run's p is an option, variantsFor). MSE, Adam lr 0.01, full batch (40);
 * the course runs 500 iterations.
 * Options: the dropout run's rate, the noise std and the hidden width. View (per model, side by side): the fitted curve (evaluation mode)
 * against the true f = x² over the training and validation points.
 */
import { createRng } from '../../data/prng.ts';
import { noisySquare } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { curveView, grid1d } from '../../probe/views/curve1d.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import { predictRows } from '../../train/nets/mlp.ts';
import { dropoutVariants } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

export const ch08_04 = trainingLesson(info, {
  // p = 0 against the option's rate (0…0.9; the course's 0.5 by default).
  variantsFor: (options) => dropoutVariants(options.dropout),
  build: ({ seed, hp, options }) => {
    const { train, val } = noisySquare(seed, { noise: options.noise });
    const { width } = options;
    const net = buildMlp({ sizes: [1, width, width, 1], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 1, x: train.x, y: train.y }), hp, {
      head: 'identity',
      loss: 'mse',
      view1d: { x: train.x, y: train.y, input: (t) => [t] },
      validation: memoryTargets({ xDim: 1, x: val.x, y: val.y }),
    });
    const xs = grid1d(-1, 1, 81);
    const truth = Float32Array.from(xs, (x) => x * x);
    const pairs = (x: Float32Array, y: Float32Array) => Float32Array.from({ length: 2 * x.length }, (_, i) => (i % 2 ? y : x)[i >> 1] as number);
    const trainPoints = pairs(train.x, train.y);
    const valPoints = pairs(val.x, val.y);
    model.views = () => {
      const fit = predictRows(net, 'identity', xs, 1);
      const panel = (name: string, title: string, points: Float32Array, pointsName: string) =>
        curveView({
          name,
          title,
          x: xs,
          curves: [
            { name: 'ŷ (evaluation mode)', values: fit },
            { name: 'true f = x²', values: truth },
          ],
          points,
          pointsName,
          pointsAs: 'dots',
          xLabel: 'x',
          yLabel: 'y',
        });
      return joinViews(
        panel('train', 'fit vs the true function, over the training points', trainPoints, 'training data'),
        panel('val', 'fit vs the true function, over the validation points', valPoints, 'validation data'),
      );
    };
    return model;
  },
});
