/** ch07-05b: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { hiddenUnitsControl } from '../hiddenUnitsControl.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch07-05b',
  title: 'ReLU vs sigmoid vs tanh on a 1-D three-class task',
  chapter: 7,
  controls: ['lr', 'batchSize', 'init', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  comparison: { count: 3, sharedStart: true },
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 5, init: 'default', speed: 30 },
  description:
    'Two bumps of classes 1 and 2 on a background of class 0 along x ∈ [−20, 20] (100 points), learnt by three ' +
    '1 → 2 → 3 networks that differ only in their hidden activation — ReLU (the course’s active run), sigmoid ' +
    'and tanh (its commented-out runs) — trained side by side from the same initial weights on the same batches, ' +
    'their loss curves overlaid: cross-entropy, SGD lr 0.1, batch 5 in x order; training accuracy over all 100 ' +
    'points. Two hidden units are barely enough, and at the course’s settings (lr 0.1 on inputs up to ±20) the ' +
    'first updates are large enough to switch the ReLUs off on all or most points — a dead unit gets no ' +
    'gradient — so the ReLU network settles on predicting the background everywhere (74 %), as the course’s own ' +
    'script does; compare the sigmoid and tanh curves. Lower lr to 0.01 and the ReLUs survive: the bumps appear for some starting weights (try init). The course trained ' +
    'sigmoid for 500 epochs and the others for 1,000; here all three step in lockstep. Panels, per activation ' +
    'side by side: the strip of predicted classes over x with the labelled points, the three logit curves, and ' +
    'each hidden unit over x (a dead ReLU is flat at 0). Option: the number of hidden units (all three models); ' +
    'it restarts the run. No course bug touches this lesson.',
  options: [hiddenUnitsControl(2, 8, 'barely enough')],
});
