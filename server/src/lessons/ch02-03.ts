/**
 * ch02-03 · Chapter02_03LinearRegression_2P: weight and bias by full-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. Model ŷ = w·x + b from (w, b) = (−15, −10),
 * MSE, lr 0.1, full batch (the course runs 15 iterations; here it runs until paused).
 * Options: the start (w, b) and the noise scale (catalogue "Live controls"). Its panels (surface and contour with
 * the path, fitted line, loss curve) are the surface, path, data, fit and metrics channels.
 */
import type { LessonOption } from '@gradcast/shared';
import { biasLine } from '../data/synthetic.ts';
import { numberOption } from '../probe/views/compose.ts';
import { buildLinearModel } from './linearModel.ts';
import type { TrainingLesson } from './types.ts';

const DEFAULTS = { w0: -15, b0: -10, noise: 0.1 };

/** Start (w, b) within the drawn surface, and the noise scale. */
const START_AND_NOISE: LessonOption[] = [
  { name: 'w0', label: 'start w', kind: 'number', default: DEFAULTS.w0, min: -15, max: 15, step: 0.5, help: 'w where the descent starts (the course: −15). Restarts the run.' },
  { name: 'b0', label: 'start b', kind: 'number', default: DEFAULTS.b0, min: -15, max: 15, step: 0.5, help: 'b where the descent starts (the course: −10). Restarts the run.' },
  {
    name: 'noise',
    label: 'noise scale',
    kind: 'number',
    default: DEFAULTS.noise,
    min: 0,
    max: 3,
    step: 0.05,
    help: 'Standard deviation of the noise in y = x − 1 + noise·ε (the course: 0.1); 0 gives the noise-free data of the catalogue’s check values. Restarts the run.',
  },
];

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
      'training converged to b = −1; ours uses the training formula itself, so the path ends in the minimum. ' +
      'Options: the start (w, b) and the noise scale (0: the noise-free data of the check values); each restarts the run.',
    options: START_AND_NOISE,
  },
  build: ({ tf, seed, options }) => {
    const { x, y } = biasLine(seed, { noise: numberOption(options, 'noise', DEFAULTS.noise) });
    const w0 = numberOption(options, 'w0', DEFAULTS.w0);
    const b0 = numberOption(options, 'b0', DEFAULTS.b0);
    return buildLinearModel({ tf, x, y, w0, b0, bias: true, window: { w: [-15, 15], b: [-15, 15], resolution: 61 } });
  },
};
