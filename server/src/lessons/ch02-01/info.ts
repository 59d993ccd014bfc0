/** ch02-01: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch02-01',
  title: 'One-parameter linear regression',
  chapter: 2,
  controls: ['lr', 'speed'],
  channels: ['metrics', 'params', 'data', 'fit', 'panels'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 5 },
  description:
    'Fits ŷ = w·x (no bias) to y = −3x + 0.1·ε (60 points) by full-batch gradient descent on the MSE from w = −10, ' +
    'lr 0.1: w moves towards −3 in ever smaller steps (−10 → −5.80 → −4.12 → −3.45 on noise-free data). ' +
    'Raise lr above 0.167 to see w overshoot and oscillate, above 0.333 to see it diverge. ' +
    'The loss-curve panel draws L(w) over w = −10…4 with every visited w on it, as the course’s top plot. ' +
    'Options: the initial w and the noise scale (0: the noise-free data of the check values); each restarts ' +
    'the run. The original draws no seed; here the noise comes from the run seed, so a run can be repeated exactly.',
  options: [
    num('w0', {
      label: 'initial w',
      default: -10,
      min: -20,
      max: 20,
      step: 0.5,
      help: 'Where gradient descent starts (the course: −10). Restarts the run.',
    }),
    num('noise', {
      label: 'noise scale',
      default: 0.1,
      min: 0,
      max: 3,
      step: 0.05,
      help: 'Standard deviation of the noise in y = −3x + noise·ε (the course: 0.1); 0 gives the noise-free data of the catalogue’s check values. Restarts the run.',
    }),
  ],
});
