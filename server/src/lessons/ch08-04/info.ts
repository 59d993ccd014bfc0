/** ch08-04: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { num } from '@gradcast/shared';
import { DROPOUT_COMPARISON_CONTROLS } from '../dropoutComparisonControls.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch08-04',
  title: 'Dropout: regression',
  chapter: 8,
  // Every variant fixes its dropout rate, so dropout is no control here.
  controls: ['lr', 'optimizer', 'speed'],
  channels: ['metrics', 'data', 'fit', 'panels', 'landscape'],
  comparison: { count: 2, sharedStart: true },
  defaults: { lr: 0.01, optimizer: 'adam', batchSize: 40, speed: 10 },
  description:
    'Two 1 → 300 → 300 → 1 ReLU networks (91,201 parameters each) fit 40 points of y = x² + ε with noise of std 1 ' +
    '— far more noise than signal — side by side from the same initial weights: one without dropout, one ' +
    'with p = 0.5 (an option) on each hidden layer. MSE, Adam lr 0.01, full batch. The p = 0 network chases the noise: its ' +
    'training loss keeps falling while its validation loss (valLoss: a second noisy draw at the same x, ' +
    'evaluation mode, reported after every step) turns up; the dropout network’s training loss stays higher ' +
    'and its curve smoother. The fit panel shows both networks’ curves (evaluation mode) over the training ' +
    'points, and the panels each network’s curve against the true f = x² over the training and validation ' +
    'points. Options: the second network’s dropout rate p (0 to 0.9, the course’s 0.5; its legend label ' +
    'follows), the noise std and the hidden width; each restarts the run. The data come from the run seed.',
  options: [
    ...DROPOUT_COMPARISON_CONTROLS,
    num('noise', {
      label: 'noise std',
      default: 1,
      min: 0,
      max: 3,
      step: 0.05,
      help: 'Standard deviation of the noise on both sets, y = x² + noise·ε (the course: 1). Restarts the run.',
    }),
  ],
});
