/**
 * ch04-01 · Chapter04_01MultipleLR: multiple-input linear regression.
 * Data: 20 samples with x1 = x2 = −1…1 step 0.1, f = x1 + x2 + 1, y = f + ε (std 1). Model Linear 2→1 (3 parameters,
 * PyTorch default init, bound 1/√2), MSE, SGD lr 0.1, batch 2 in order (10 steps per epoch; the course runs
 * 100 epochs = 1000 steps).
 */
import { createRng } from '../data/prng.ts';
import { multiInput } from '../data/synthetic.ts';
import { INIT_STREAM, memoryTargets, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec } from './nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson } from './types.ts';

export const ch04_01: TrainingLesson = {
  info: {
    id: 'ch04-01',
    title: 'Multiple-input linear regression',
    chapter: 4,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'data', 'fit'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 2, speed: 20 },
    description:
      'Fits ŷ = w1·x1 + w2·x2 + b (Linear 2→1) to y = x1 + x2 + 1 + ε (20 points, noise std 1) by SGD, lr 0.1, ' +
      'batch 2. As in the course the two inputs are equal (x1 = x2), so only w1 + w2 can be learnt and the fitted ' +
      'plane is arbitrary along the other direction; every point lies on the diagonal, which is why the data and ' +
      'fit panels show y and ŷ along x1 = x2 (a line of slope w1 + w2). Course bugs fixed: the loss curve is ' +
      'indexed by the step (the original passed Python’s built-in iter as the iteration), and nothing depends on ' +
      'the removed Matplotlib 3-D call; the data are drawn from the run seed.',
  },
  build: ({ seed, hp }) => {
    const data = multiInput(seed, { noise: 1 });
    const spec: MlpSpec = { sizes: [2, 1], activation: 'identity', batchNorm: false, dropout: false };
    const net = buildMlp(spec, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    return regressorModel(net, memoryTargets({ xDim: 2, x: data.x, y: data.y }), hp, {
      head: 'identity',
      loss: 'mse',
      // x1 of each sample (x2 equals it): the axis of the 1-D view.
      view1d: { x: Float32Array.from(data.y, (_, i) => data.x[2 * i] as number), y: data.y, input: (t) => [t, t] },
    });
  },
};
