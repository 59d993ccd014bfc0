/** ch08-07: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { num } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/** The learning rates the objectives' runs may take, [min, max]. */
const LR_RANGE: [number, number] = [0.0001, 0.1];

export const info = trainingInfo({
  id: 'ch08-07',
  title: 'Momentum on one-dimensional objectives',
  chapter: 8,
  // Every variant fixes its lr, momentum and optimizer (the lesson options set them); only the pace is left.
  controls: ['speed'],
  channels: ['metrics', 'params', 'surface', 'path', 'panels'],
  defaults: { optimizer: 'momentum', speed: 5 },
  description:
    'A single weight w whose loss is the objective itself, descended with and without momentum (PyTorch form ' +
    'buf = μ·buf + g, w ← w − lr·buf; μ = 0 is plain gradient descent), six runs side by side. On w³ from w = 4 ' +
    '(lr 0.01) plain descent slows down towards the saddle at 0 (1.735 after 10 steps) while momentum carries w ' +
    'through it (−4.100 after 10 steps, off the course’s plot as off ours) and on down the slope that has no ' +
    'bottom, until w³ overflows float32 and the run freezes. On the quartic 2w⁴ − 9w³ − 21w² + 88w + 48 from w = 6 (lr 0.001) plain descent stops in the local ' +
    'minimum at w = 4 (l = 0) while momentum rolls over the bump at 1.375 into the global minimum at w = −2 ' +
    '(l = −108). The last two runs repeat the quartic with Gaussian noise of std 10 (the gradient-noise option) added to the gradient. The ' +
    'surface is drawn over w ∈ [−4, 6] and an axis s that blends the two objectives, (1 − s)·quartic + s·w³: the ' +
    'quartic runs move along its s = 0 edge and the cubic runs along s = 1, each path exactly on its own ' +
    'objective. Course bugs fixed: the noise goes into the gradient (the original added std·N(0, 1) to the loss ' +
    'value, which does not change the gradient, so its “noisy” runs followed exactly the same path and only the ' +
    'plotted values jittered); every run has its own optimizer and momentum buffer (the original reused one ' +
    'optimizer between its noise-free and noisy quartic runs, so the buffer carried over). Panels, per run: the ' +
    'objective over the course’s plotted range (w³ over −4…4, the quartic over −4…6) with every visited (w, l(w)) ' +
    'and a ball at the current w that rolls along the curve from step to step (it waits at the plot’s end once w ' +
    'leaves the range), as the course’s one figure per run, and a readout of w, l, l′ and the momentum buffer (the velocity). ' +
    'Options: the momentum μ of the three momentum runs (0 to 0.99, the course’s 0.9 by default; the plain runs ' +
    'stay at μ = 0), the lr of the w³ runs (cubicLr, the course’s 0.01) and of the quartic runs (quarticLr, the ' +
    'course’s 0.001) — the legend labels follow μ — the start w of each objective and the std of the gradient ' +
    'noise of the last two runs; each restarts the run.',
  options: [
    num('momentum', {
      label: 'momentum μ',
      default: 0.9,
      min: 0,
      max: 0.99,
      step: 0.01,
      help: 'Momentum of the three momentum runs, PyTorch form buf = μ·buf + g (the course: 0.9; the three plain runs stay at μ = 0; the legend labels follow). Restarts the run.',
    }),
    num('cubicLr', {
      label: 'lr (w³)',
      default: 0.01,
      min: LR_RANGE[0],
      max: LR_RANGE[1],
      step: 0.0001,
      help: 'Learning rate of the two w³ runs (the course: 0.01). Restarts the run.',
    }),
    num('quarticLr', {
      label: 'lr (quartic)',
      default: 0.001,
      min: LR_RANGE[0],
      max: LR_RANGE[1],
      step: 0.0001,
      help: 'Learning rate of the four quartic runs, with and without noise (the course: 0.001). Restarts the run.',
    }),
    num('cubicStart', { label: 'start w (w³)', default: 4, min: -4, max: 6, step: 0.1, help: 'Where the w³ runs start (the course: 4). Restarts the run.' }),
    num('quarticStart', {
      label: 'start w (quartic)',
      default: 6,
      min: -4,
      max: 6,
      step: 0.1,
      help: 'Where the quartic runs start (the course: 6; from 3, plain descent reaches the local minimum at 4 from the other side). Restarts the run.',
    }),
    num('gradNoise', {
      label: 'gradient noise',
      default: 10,
      min: 0,
      max: 50,
      step: 1,
      help: 'Standard deviation of the Gaussian noise added to the gradient in the last two runs (the course: 10, added to the loss value instead). Restarts the run.',
    }),
  ],
});
