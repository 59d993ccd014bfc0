/**
 * ch03-02 · Chapter03_02LR_SGD: Linear 1→1 trained with the built-in SGD optimizer, one sample per step.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. The Linear's parameters are overwritten to w = −15,
 * b = −10; MSE, SGD lr 0.01, batch 1 in order (the course runs 1 epoch = 60 steps; here it runs until paused).
 */
import { biasLine } from '../../data/synthetic.ts';
import { buildLinearModel } from '../linearModel.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

export const ch03_02 = trainingLesson(info, {
  build: ({ tf, seed, hp }) => {
    const { x, y } = biasLine(seed, { noise: 0.1 });
    return buildLinearModel({ tf, x, y, w0: -15, b0: -10, bias: true, hp, window: { w: [-15, 15], b: [-13, 13], resolution: 61 } });
  },
});
