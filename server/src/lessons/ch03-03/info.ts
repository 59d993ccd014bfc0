/** ch03-03: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/**
 * One option per run: its learning rate, the course's by default, largest first (see the description for the
 * order).
 */
export const RATE_OPTIONS = [
  { name: 'lrRun1', course: 0.1 },
  { name: 'lrRun2', course: 0.01 },
  { name: 'lrRun3', course: 0.001 },
  { name: 'lrRun4', course: 0.0001 },
] as const;

export const info = trainingInfo({
  id: 'ch03-03',
  title: 'Validation data and choosing the learning rate',
  chapter: 3,
  // Every variant fixes its lr, so lr is no control here; the batch size applies to all four.
  controls: ['batchSize', 'speed'],
  channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit', 'panels'],
  defaults: { optimizer: 'sgd', batchSize: 1, speed: 20 },
  description:
    'Four copies of Linear 1→1 start from the same random (w, b) ~ U(−1, 1) and train side by side with SGD, ' +
    'batch 1 in order, at lr 0.1, 0.01, 0.001 and 0.0001, on 60 points of y = −3x + 1 + ε whose training set has ' +
    'six outliers (y = 0 at x = −3, y = 20 at x = 2.0…2.4). After every epoch (60 steps) each run reports its ' +
    'MSE over the whole training set (trainLoss) and over a validation set drawn at the same x without outliers ' +
    '(valLoss). The lr to keep is the one with the lowest validation loss, not the lowest training loss: the ' +
    'outliers pull the training optimum away from the true line. lr 0.1 is too large for single samples here — ' +
    'each outlier throws it far off, its training loss stays well above the others’ and its validation loss ' +
    'swings with the last samples it saw; lr 0.0001 has hardly moved after the course’s 600 steps; lr 0.01 and ' +
    '0.001 settle near the training optimum. The paths share the exact MSE surface of the training set ' +
    '(w ∈ [−6, 4], b ∈ [−4, 6]). The runs are listed largest lr first, so the single-run panels (fit, ' +
    'parameters) show the run that visibly moves. The course built a fresh, unseeded model per lr, so its lrs ' +
    'started from different points; here they share one start drawn from the run seed, and the data come from ' +
    'the run seed too. Panels: each lr’s line over the validation points with the true line, and the training ' +
    'and validation loss of every lr at its current parameters against log10 lr (the course’s final plot, live). ' +
    'Options: the four runs’ learning rates (the course’s 0.1, 0.01, 0.001 and 0.0001 by default; each run is ' +
    'labelled by its lr, and the loss-vs-lr panel follows them), outliers on or off, the outliers’ value and the ' +
    'noise scale; each restarts the run.',
  options: [
    ...RATE_OPTIONS.map(({ name, course }, i) =>
      num(name, {
        label: `run ${i + 1} lr`,
        default: course,
        min: 0.00001,
        max: 1,
        step: 0.00001,
        help: `Learning rate of run ${i + 1} (the course: ${course}; its four runs span 0.0001…0.1 on a log scale). Restarts the run.`,
      }),
    ),
    bool('outliers', {
      label: 'outliers',
      default: true,
      help: 'The six training outliers (y = 0 at x = −3, y = outlier value at x = 2.0…2.4); off: clean training data. Restarts the run.',
    }),
    num('outlierValue', {
      label: 'outlier value',
      default: 20,
      min: -20,
      max: 40,
      step: 1,
      help: 'y of the five outliers at x = 2.0…2.4 (the course: 20; the true line is −5 to −6.2 there). Restarts the run.',
    }),
    num('noise', {
      label: 'noise scale',
      default: 1,
      min: 0,
      max: 5,
      step: 0.1,
      help: 'Standard deviation of the noise on both sets, y = −3x + 1 + noise·ε (the course: 1). Restarts the run.',
    }),
  ],
});
