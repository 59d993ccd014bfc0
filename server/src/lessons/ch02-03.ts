/**
 * ch02-03 · Chapter02_03LinearRegression_2P: weight and bias by full-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. Model ŷ = w·x + b from (w, b) = (−15, −10),
 * MSE, lr 0.1, full batch (the course runs 15 iterations; here it runs until paused).
 */
import { biasLine } from '../data/synthetic.ts';
import { buildLinearModel } from './linearModel.ts';
import type { TrainingLesson } from './types.ts';

export const ch02_03: TrainingLesson = {
  info: {
    id: 'ch02-03',
    title: 'Two-parameter linear regression',
    chapter: 2,
    trains: true,
    controls: ['lr', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 5 },
    description:
      'Fits ŷ = w·x + b to y = x − 1 + 0.1·ε (60 points) by full-batch gradient descent from (w, b) = (−15, −10). ' +
      'The exact MSE surface over w, b ∈ [−15, 15] is drawn with the optimizer path. Course bug fixed: the ' +
      "original surface computes mean((y − w·x + b)²), i.e. the model w·x − b, so its minimum sat at b = +1 while " +
      'training converged to b = −1; ours uses the training formula itself, so the path ends in the minimum.',
  },
  build: ({ tf, seed }) => {
    const { x, y } = biasLine(seed, { noise: 0.1 });
    return buildLinearModel({ tf, x, y, w0: -15, b0: -10, bias: true, window: { w: [-15, 15], b: [-15, 15], resolution: 61 } });
  },
};
