/** ch04-02: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch04-02',
  title: 'Multiple-output linear regression',
  chapter: 4,
  controls: ['lr', 'batchSize', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 5, speed: 10 },
  description:
    'Fits two outputs at once with one Linear 2→2 (6 parameters): y1 = x1 + x2 + 1 and y2 = −x1 + 3x2 − 1 ' +
    '(20 points, noise 0.001), MSE averaged over all 40 outputs, SGD lr 0.1, batch 5. Each output has its own ' +
    'column of weights and its own bias (the weight-matrix panel: rows are the inputs x1, x2, columns the ' +
    'outputs, as the course writes W), and the plane panels show each output’s fitted plane ŷ1, ŷ2 over the ' +
    'whole (x1, x2) square with that output’s data drawn on it (each sample a dot filled with its y on the plane’s colours, so a residual is a dot unlike the plane under it); the loss falls towards the tiny noise floor. The inputs are equal ' +
    '(x1 = x2) as in the course, so only the sum of each output’s two weights is determined (2 for both): the ' +
    'matrix need not approach the true W = [[1, −1], [1, 3]], while each output’s fit along the diagonal, where ' +
    'the data lie, does approach its data. As in the original, the same noise draw is added to both outputs (at ' +
    '0.001 it does not matter); the data come from the run seed. Options (issue 5, off by default as in the ' +
    'course): de-correlate inputs draws x2 independently of x1, so each weight is determined and W approaches ' +
    'the true matrix (the output panels then plot each prediction against its data, which no longer lie on ' +
    'the diagonal); separate noise per output gives each output its own noise draw; the noise scale makes ' +
    'the noise visible. Each restarts the run.',
  options: [
    bool('decorrelate', {
      label: 'de-correlate inputs',
      default: false,
      help: 'Draw x2 ~ U(−1, 1) instead of x2 = x1 (issue 5): then every entry of W is determined and the matrix approaches the true W, not only its column sums; off: the course’s equal inputs. Restarts the run.',
    }),
    bool('separateNoise', {
      label: 'separate noise per output',
      default: false,
      help: 'Draw each output’s noise on its own (issue 5); off: the course adds one noise column to both outputs. Restarts the run.',
    }),
    num('noise', {
      label: 'noise scale',
      default: 0.001,
      min: 0,
      max: 1,
      step: 0.001,
      help: 'Standard deviation of the noise on the outputs (the course: 0.001, too small to see whether it is shared). Restarts the run.',
    }),
  ],
});
