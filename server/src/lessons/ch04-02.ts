/**
 * ch04-02 · Chapter04_02MultipleOutputLR: multiple-output linear regression.
 * Data: the 20 collinear inputs of ch04-01 (x1 = x2 = −1…1 step 0.1); Y = X·W + b with W = [[1, −1], [1, 3]]
 * (rows = inputs) and b = [1, −1], i.e. y1 = x1 + x2 + 1 and y2 = −x1 + 3x2 − 1, plus 0.001·ε (the same draw in
 * both columns). Model Linear 2→2 (6 parameters, default init), MSE over all 40 outputs, SGD lr 0.1, batch 5 in
 * order (4 steps per epoch; the course runs 50 epochs = 200 steps).
 */
import { createRng } from '../data/prng.ts';
import { multiOutput } from '../data/synthetic.ts';
import { INIT_STREAM, memoryTargets, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec } from './nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson } from './types.ts';

export const ch04_02: TrainingLesson = {
  info: {
    id: 'ch04-02',
    title: 'Multiple-output linear regression',
    chapter: 4,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 5, speed: 10 },
    description:
      'Fits two outputs at once with one Linear 2→2 (6 parameters): y1 = x1 + x2 + 1 and y2 = −x1 + 3x2 − 1 ' +
      '(20 points, noise 0.001), MSE averaged over all 40 outputs, SGD lr 0.1, batch 5. Each output has its own ' +
      'row of weights and its own bias; the loss falls towards the tiny noise floor. The inputs are equal ' +
      '(x1 = x2) as in the course, so only the sum of each output’s two weights is determined. As in the ' +
      'original, the same noise draw is added to both outputs (at 0.001 it does not matter); the data come from ' +
      'the run seed.',
  },
  build: ({ seed, hp }) => {
    const data = multiOutput(seed, { noise: 0.001 });
    const spec: MlpSpec = { sizes: [2, 2], activation: 'identity', batchNorm: false, dropout: false };
    const net = buildMlp(spec, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    return regressorModel(net, memoryTargets({ xDim: 2, x: data.x, y: data.y, yDim: 2 }), hp, { head: 'identity', loss: 'mse' });
  },
};
