/** ch08-03: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { num } from '@gradcast/shared';
import { DROPOUT_COMPARISON_CONTROLS } from '../dropoutComparisonControls.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-03',
  title: 'Dropout: classification',
  chapter: 8,
  // Every variant fixes its dropout rate, so dropout is no control here.
  controls: ['lr', 'optimizer', 'batchSize', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 2, sharedStart: true },
  defaults: { lr: 0.01, optimizer: 'adam', batchSize: 1000, speed: 10 },
  description:
    'Two 2 → 300 → 300 → 2 ReLU networks (91,802 parameters each) learn a curved boundary from 1,000 noisy points, ' +
    'side by side from the same initial weights: one without dropout, one dropping each hidden unit with ' +
    'p = 0.5 (an option) in training (inverted dropout on the pre-activation, then ReLU). Cross-entropy, Adam lr 0.01, full ' +
    'batch. The labels come from the clean points and the features are noised afterwards, so points near the ' +
    'boundary carry label noise that a network this large can memorise: over the course’s 500 steps the p = 0 ' +
    'network drives its training loss lower (0.31 against 0.37 in our runs) while the dropout network ends with ' +
    'the lower validation loss (0.294 against 0.300) — a small gap on this task. Each run reports training ' +
    'accuracy over the 1,000 training points and, after every step (one epoch at full batch), testAccuracy and ' +
    'testLoss on the validation set of 1,000 fresh points (feature noise 0.15), both in evaluation mode (no ' +
    'dropout). Course ' +
    'bugs fixed: the training features are noised once (std 0.2; the original added 0.2 twice, std ≈ 0.283); the ' +
    'data come from the run seed (the original’s NumPy draws were unseeded). Kept as in the course: f is the ' +
    'catalogue’s polynomial (its unused coefficient a[3] plays no part), and the label noise near the boundary is ' +
    'the lesson’s design. The decision-region view the original defined but never called is drawn: each ' +
    'model’s predicted class over the data range ± 0.1 (evaluation mode) with every second training point and ' +
    'the true boundary f = 0 on top, side by side, and each network’s graph, cut to the first 16 units of each ' +
    'hidden layer: edges coloured by the weights’ sign, as wide as |w|, nodes filled by their bias, and for ' +
    'p > 0 a sample dropout mask, drawn afresh for every view (crossed-out units are dropped; the training ' +
    'step’s own masks are not kept). Options: the second network’s dropout rate p (0 to 0.9, the course’s 0.5; ' +
    'its legend label follows), the training feature noise and the hidden width; each restarts the run.',
  options: [
    ...DROPOUT_COMPARISON_CONTROLS,
    num('noise', {
      label: 'noise',
      default: 0.2,
      min: 0,
      max: 0.5,
      step: 0.01,
      help: 'Standard deviation of the Gaussian noise on the training features (the course’s intent: 0.2; the validation set keeps 0.15). 0: clean points, no label noise. Restarts the run.',
    }),
  ],
});
