/** ch07-01: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { choice } from '@gradcast/shared';
import { hiddenUnitsControl } from '../hiddenUnitsControl.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch07-01',
  title: 'A hidden layer of two sigmoid units',
  chapter: 7,
  controls: ['lr', 'init', 'speed'],
  channels: ['metrics', 'data', 'fit', 'panels', 'landscape'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, init: 'default', speed: 30 },
  description:
    'A bump (label 1 for −4 < x < 4 among the integers −20…19) is beyond one sigmoid but within reach of two: the ' +
    '1 → 2 (σ) → 1 (σ) network learns one rising and one falling sigmoid whose combination is the bump. BCE, ' +
    'SGD lr 0.1, one sample per step in order; the fit panel shows the output probability over the 0/1 labels ' +
    'and the training accuracy is over all 40 points at threshold 0.5. The loss curve is the per-sample loss ' +
    'of each step (the course plotted the sum over each epoch). Panels: the network graph (edges coloured by ' +
    'the weights’ sign, as wide as |w|; nodes filled by their bias), the 40 samples in hidden space (a1, a2) ' +
    'coloured by label — the course’s scatter, where the bump’s points come apart from the rest so that one ' +
    'output line can separate them —, each hidden unit’s activation over x, and the units’ weights side by ' +
    'side. Options: the number of hidden units (1 to 8) and their activation; each restarts the run.',
  options: [
    hiddenUnitsControl(2, 8, 'the fewest that make a bump; 1 cannot'),
    choice('activation', ['sigmoid', 'tanh', 'relu'], {
      label: 'hidden activation',
      default: 'sigmoid',
      help: 'Activation of the hidden units (the course: sigmoid); the output unit stays a sigmoid. Restarts the run.',
    }),
  ],
});
