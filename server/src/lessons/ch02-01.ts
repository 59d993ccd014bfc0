/**
 * ch02-01 · Chapter02_01LinearRegression_1P: one parameter by full-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = −3x + 0.1·ε. Model ŷ = w·x (no bias) from w = −10, MSE, lr 0.1,
 * full batch (the course runs 4 iterations; here it runs until paused). dL/dw = 2(w + 3)·mean(x²) on noise-free
 * data, so the step is stable below lr = 1/mean(x²) ≈ 0.333 and oscillates above 0.1666.
 */
import { slopeLine } from '../data/synthetic.ts';
import { buildLinearModel } from './linearModel.ts';
import type { TrainingLesson } from './types.ts';

export const ch02_01: TrainingLesson = {
  info: {
    id: 'ch02-01',
    title: 'One-parameter linear regression',
    chapter: 2,
    trains: true,
    controls: ['lr', 'speed'],
    channels: ['metrics', 'params', 'data', 'fit'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 5 },
    description:
      'Fits ŷ = w·x (no bias) to y = −3x + 0.1·ε (60 points) by full-batch gradient descent on the MSE from w = −10, ' +
      'lr 0.1: w moves towards −3 in ever smaller steps (−10 → −5.80 → −4.12 → −3.45 on noise-free data). ' +
      'Raise lr above 0.167 to see w overshoot and oscillate, above 0.333 to see it diverge. ' +
      'The original draws no seed; here the noise comes from the run seed, so a run can be repeated exactly.',
  },
  build: ({ tf, seed }) => {
    const { x, y } = slopeLine(seed, { noise: 0.1 });
    // The course's loss curve spans w = −10…4. The surface is constant along b (there is no bias): it only gives
    // the params channel the loss at the current w.
    return buildLinearModel({ tf, x, y, w0: -10, b0: 0, bias: false, window: { w: [-10, 4], b: [-1, 1], resolution: 15 } });
  },
};
