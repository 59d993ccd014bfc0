/** ch08-05: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-05',
  title: 'Symmetric vs random initialisation',
  chapter: 8,
  controls: ['lr', 'batchSize', 'speed'],
  channels: ['metrics', 'params', 'data', 'fit', 'panels', 'landscape'],
  comparison: { count: 2, sharedStart: false },
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, speed: 30 },
  description:
    'The bump of ch07-01 (1s for −4 < x < 4 among the integers −20…19) and its 1 → 2 (σ) → 1 (σ) network, trained ' +
    'twice side by side on the same samples in the same order: once from the symmetric start where every weight ' +
    'is 1 and every bias 0, once from a random start. Both use BCE, SGD lr 0.1, one sample per step. From the ' +
    'symmetric start the two hidden units compute the same function and receive the same gradient at every step, ' +
    'so they stay identical for ever (the parameters panel shows it): the network is in effect 1 → 1 → 1, one ' +
    'sigmoid edge, and cannot make a bump, while the random start breaks the tie and learns it. Training accuracy ' +
    'is over all 40 points at threshold 0.5; the parameters panel shows the symmetric network, the fit panel ' +
    'both networks’ output. ' +
    'Course bugs fixed: the symmetric model, the point of the lesson, is trained (the original commented its ' +
    'training out and only trained the random model); both runs use the same loss, by default BCE, the loss the course ' +
    'wrote for the symmetric run and uses for this network in ch07-01 (the one active run used MSE, with a ' +
    'scalar target against a 1-element output, PyTorch’s size warning); targets are shaped like the outputs. ' +
    'Panels, side by side for the two runs: the network graph (edges coloured by the weights’ sign, as wide as ' +
    '|w|; nodes filled by their bias), where the symmetric run’s two hidden units keep identical edges, the ' +
    'hidden units’ weights (one row per unit: identical rows are identical units), the samples in hidden space ' +
    '(a1, a2), which the symmetric run keeps on the diagonal a1 = a2, and each unit’s sigmoid over x. Options: the symmetric start (every weight the same value, 1 by ' +
    'default, and biases 0; or every weight 0 and biases 1, which stays symmetric too) and the loss of both runs ' +
    '(BCE, or the MSE of the course’s active run); each restarts the run.',
  options: [
    choice('initMode', ['same value', 'zeros, bias 1'], {
      label: 'symmetric init',
      default: 'same value',
      help: 'The first run’s symmetric start: every weight the same value and every bias 0 (the course’s model 1), or every weight 0 and every bias 1 (its commented-out variant). The second run starts from the default random draw. Restarts the run.',
    }),
    num('initValue', {
      label: 'same value',
      default: 1,
      min: -3,
      max: 3,
      step: 0.1,
      help: 'The weight every connection gets under “same value” (the course: 1). Restarts the run.',
    }),
    choice('loss', ['bce', 'mse'], {
      label: 'loss',
      default: 'bce',
      help: 'Loss of both runs: bce (binary cross-entropy, as ch07-01 and the course’s symmetric run) or mse (the course’s one active run). Restarts the run.',
    }),
  ],
});
