/**
 * ch03-02 · Chapter03_02LR_SGD: Linear 1→1 trained with the built-in SGD optimizer, one sample per step.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. The Linear's parameters are overwritten to w = −15,
 * b = −10; MSE, SGD lr 0.01, batch 1 in order (the course runs 1 epoch = 60 steps; here it runs until paused).
 */
import { biasLine } from '../data/synthetic.ts';
import { buildLinearModel } from './linearModel.ts';
import type { TrainingLesson } from './types.ts';

export const ch03_02: TrainingLesson = {
  info: {
    id: 'ch03-02',
    title: 'Linear regression with the SGD optimizer',
    chapter: 3,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 1, speed: 20 },
    description:
      'Fits ŷ = w·x + b to y = x − 1 + 0.1·ε (60 points) with stochastic gradient descent, one sample per step in ' +
      'order, lr 0.01, from (w, b) = (−15, −10). The path on the exact MSE surface (w ∈ [−15, 15], b ∈ [−13, 13]) ' +
      'zig-zags because every step follows one sample’s gradient; the path’s loss is that sample’s loss, the ' +
      'surface the loss over all 60. Course bugs fixed: the surface uses the training formula (the original’s ' +
      'sign error put its minimum at b = +1), the training loop is named for what it does (mini-batch SGD, batch 1 ' +
      'by default, not batch gradient descent), and it prints no per-sample debug output.',
  },
  build: ({ tf, seed, hp }) => {
    const { x, y } = biasLine(seed, { noise: 0.1 });
    return buildLinearModel({ tf, x, y, w0: -15, b0: -10, bias: true, hp, window: { w: [-15, 15], b: [-13, 13], resolution: 61 } });
  },
};
