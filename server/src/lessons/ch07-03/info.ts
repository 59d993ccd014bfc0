/** ch07-03: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { int, num } from '@gradcast/shared';
import { hiddenUnitsControl } from '../hiddenUnitsControl.ts';
import { trainingInfo } from '../lessonInfo.ts';

export const info = trainingInfo({
  id: 'ch07-03',
  title: 'XOR with one hidden layer',
  chapter: 7,
  controls: ['lr', 'batchSize', 'init', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, init: 'default', speed: 30 },
  description:
    'XOR, which no single linear boundary separates, learnt by a 2 → 2 (σ) → 1 (σ) network: each hidden unit ' +
    'draws one line and the output combines them. BCE, SGD lr 0.1, batch 1 over 100 jittered corner points; the ' +
    'accuracy (all 100 points, threshold 0.5) sits at 50 % and then 75 % on a plateau of thousands of steps ' +
    'before the hidden units split the work and it reaches 100 % (some starting weights stay at 75 % much ' +
    'longer). The regions panel shows the network’s decision (output > 0.5) over the data range ± 0.1, shaded ' +
    'by confidence, with the points and each hidden unit’s line (where its pre-activation is 0); the network ' +
    'graph shows the weights (edges coloured by sign, as wide as |w|) and biases (node fill). Options: the ' +
    'number of hidden units (1 to 8), the jitter, and the seed of the initial weights (0: the room’s; 1 to 999: ' +
    'that number’s, the same in every room); each restarts the run. Course bugs fixed: the jitter (std ' +
    '0.01) is added once, where the original re-added it on every pass of its filling loop (std 0.01 to 0.05); ' +
    'the data are drawn from the run seed.',
  options: [
    hiddenUnitsControl(2, 8, 'the fewest that solve XOR; more leave the plateau sooner'),
    num('jitter', {
      label: 'jitter',
      default: 0.01,
      min: 0,
      max: 0.5,
      step: 0.01,
      help: 'Standard deviation of the Gaussian jitter around the four corners (the course: 0.01). Restarts the run.',
    }),
    int('seed', {
      label: 'init seed',
      default: 0,
      min: 0,
      max: 999,
      step: 1,
      help: 'Seed of the initial weights: 0 draws them from the room’s seed (the course sets none); 1–999 from that number, the same weights in every room. Some seeds never learn XOR: with 2 hidden units at lr 0.1, about a third of them (e.g. 2, 6, 7, 10) stay at 75 % for the course’s whole 500 epochs, stuck with one corner wrong, while others (e.g. 1, 3, 4) reach 100 %. Restarts the run.',
    }),
  ],
});
