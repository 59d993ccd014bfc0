/** ch08-08: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/** One option per run: its momentum, the course's by default. */
export const MOMENTUM_OPTIONS = [
  { name: 'momentum1', course: 0, ordinal: 'first' },
  { name: 'momentum2', course: 0.1, ordinal: 'second' },
  { name: 'momentum3', course: 0.4, ordinal: 'third' },
  { name: 'momentum4', course: 0.5, ordinal: 'fourth' },
] as const;

export const info = trainingInfo({
  id: 'ch08-08',
  title: 'Momentum on the spiral',
  chapter: 8,
  // Every variant fixes its momentum (and so the optimizer); lr and batch size apply to all four.
  controls: ['lr', 'batchSize', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 4, sharedStart: true },
  // Pace: the four momenta part over the first ~1,000 steps (13 epochs of 75): about 30 s at 30 steps/s.
  defaults: { lr: 0.1, optimizer: 'momentum', momentum: 0, batchSize: 20, speed: 30 },
  description:
    'The 2-50-3 ReLU network (303 parameters) on the three-arm spiral (1,500 points), four times side by side from ' +
    'the same initial weights and on the same batches: SGD lr 0.1, batch 20, with momentum 0, 0.1, 0.4 and 0.5 ' +
    '(PyTorch form buf = μ·buf + g, w ← w − lr·buf, so μ = 0.5 takes steps up to twice as long along a steady ' +
    'gradient). Training accuracy is over all 1,500 points, in evaluation mode, for each run. The more momentum, ' +
    'the faster the loss falls at this lr. Course bugs fixed: the points are stored class by class, and the ' +
    'original did not shuffle, so every batch held a single class (ch08-02’s issue 13); here the batches are ' +
    'reshuffled every epoch, in the same seeded order for all four runs. The loss curve has every step’s loss ' +
    '(the original kept only the last mini-batch of each epoch) and results are keyed by what they hold (the ' +
    'original pre-filled a misspelt “Accuracy:” key). The spiral is drawn from the run seed. The regions panels ' +
    'show each run’s predicted class side by side (evaluation mode, every third point drawn). Options: the four ' +
    'runs’ momenta (0 to 0.99, the course’s 0, 0.1, 0.4 and 0.5 by default; the legend labels follow) and ' +
    'shuffle (off brings back the single-class batches of the original); each restarts the run.',
  options: [
    ...MOMENTUM_OPTIONS.map(({ name, course, ordinal }, i) =>
      num(name, {
        label: `momentum μ, run ${i + 1}`,
        default: course,
        min: 0,
        max: 0.99,
        step: 0.01,
        help: `Momentum of the ${ordinal} run, PyTorch form buf = μ·buf + g (the course: ${course}; its legend label follows). Restarts the run.`,
      }),
    ),
    bool('shuffle', {
      label: 'shuffle',
      default: true,
      help: 'Reshuffle the batches every epoch, in one order for all four runs (on: the fix of issue 13); off: the course’s class-ordered batches, each a single class. Restarts the run.',
    }),
  ],
});
