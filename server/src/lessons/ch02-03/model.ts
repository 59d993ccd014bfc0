/**
 * ch02-03 · Chapter02_03LinearRegression_2P: weight and bias by full-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. Model ŷ = w·x + b from (w, b) = (−15, −10),
 * MSE, lr 0.1, full batch (the course runs 15 iterations; here it runs until paused).
 * Options: the start (w, b) and the noise scale (catalogue "Live controls"). Its panels (surface and contour with
 * the path, fitted line, loss curve) are the surface, path, data, fit and metrics channels.
 */
import { biasLine } from '../../data/synthetic.ts';
import { buildLinearModel } from '../linearModel.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

export const ch02_03 = trainingLesson(info, {
  build: ({ tf, seed, options }) => {
    const { x, y } = biasLine(seed, { noise: options.noise });
    return buildLinearModel({ tf, x, y, w0: options.w0, b0: options.b0, bias: true, window: { w: [-15, 15], b: [-15, 15], resolution: 61 } });
  },
});
