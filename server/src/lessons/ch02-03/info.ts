/** ch02-03: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch02-03',
  title: 'Two-parameter linear regression',
  chapter: 2,
  controls: ['lr', 'speed'],
  channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 5 },
  description:
    'Fits ŷ = w·x + b to y = x − 1 + 0.1·ε (60 points) by full-batch gradient descent from (w, b) = (−15, −10). ' +
    'The exact MSE surface over w, b ∈ [−15, 15] is drawn with the optimizer path. Course bug fixed: the ' +
    "original surface computes mean((y − w·x + b)²), i.e. the model w·x − b, so its minimum sat at b = +1 while " +
    'training converged to b = −1; ours uses the training formula itself, so the path ends in the minimum. ' +
    'Options: the start (w, b) and the noise scale (0: the noise-free data of the check values); each restarts the run.',
  options: [
    // The start (w, b) within the drawn surface, and the noise scale.
    num('w0', { label: 'start w', default: -15, min: -15, max: 15, step: 0.5, help: 'w where the descent starts (the course: −15). Restarts the run.' }),
    num('b0', { label: 'start b', default: -10, min: -15, max: 15, step: 0.5, help: 'b where the descent starts (the course: −10). Restarts the run.' }),
    num('noise', {
      label: 'noise scale',
      default: 0.1,
      min: 0,
      max: 3,
      step: 0.05,
      help: 'Standard deviation of the noise in y = x − 1 + noise·ε (the course: 0.1); 0 gives the noise-free data of the catalogue’s check values. Restarts the run.',
    }),
  ],
});
