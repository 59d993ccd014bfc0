/** ch08-02: what the lesson is (its catalogue entry and option specs); model.ts is how it trains. */
import { bool, layers, type LayerLimits } from '@gradcast/shared';
import { trainingInfo } from '../lessonInfo.ts';

/** The course's layer lists: the active [2, 10, 10, 3] and the two commented-out alternatives. */
const PRESETS = ['2-10-10-3', '2-50-3', '2-10-10-10-3'];

/**
 * What a layer list may be: the spiral's 2 coordinates in, its 3 classes out; up to 6 hidden layers of up to 128
 * units keeps the largest network (2-128×6-3, 83,331 parameters) under the course's largest model and a step
 * on the 1,500 points fast.
 */
const LIMITS: LayerLimits = { input: 2, output: 3, minHidden: 1, maxHidden: 6, minUnits: 1, maxUnits: 128 };

export const info = trainingInfo({
  id: 'ch08-02',
  title: 'Depth via a layer list (spiral)',
  chapter: 8,
  controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'weightDecay', 'dropout', 'batchNorm', 'init', 'speed'],
  channels: ['metrics', 'panels', 'landscape'],
  // Pace: at lr 0.01 the regions need thousands of steps (about 55 % after 1,000); 60 steps/s, the fastest default, shows 1,000 in ~17 s.
  defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 20, speed: 60 },
  description:
    'A 2-10-10-3 ReLU network (173 parameters) learns the three interleaved arms of a spiral (1,500 points), ' +
    'which no linear classifier can separate: cross-entropy, SGD lr 0.01, batch 20. Accuracy is over all 1,500 ' +
    'points. Course bugs fixed: the points are stored class by class, and the original did not shuffle, so ' +
    'every batch held a single class and the loss saw-toothed with the class order; here the batches are ' +
    'reshuffled every epoch (seeded). The original also stepped a global optimizer rather than its argument; ' +
    'here there is only the run’s own optimizer. The spiral is drawn from the run seed (the original’s NumPy ' +
    'stream was unseeded). Live controls beyond the course: optimizer, momentum, weight decay, dropout on ' +
    'the hidden layers, batch norm (rebuilds the network, keeping the weights) and the initialisation (draws ' +
    'the weights anew). Side by side, the regions panel shows the predicted class over the data range ± 0.1 ' +
    'with all 1,500 points (evaluation mode), and the network graph the weights (edges coloured by sign, as ' +
    'wide as |w|) and biases (node fill), the first 16 units of a wider layer. Options: the layer list, edited ' +
    'freely (1–6 hidden layers of 1–128 units) or from the course’s 2-10-10-3, its commented-out 2-50-3 and ' +
    '2-10-10-10-3, and shuffle (off brings back the single-class batches of the original); each restarts the run.',
  options: [
    layers('layers', {
      label: 'layer sizes',
      options: PRESETS,
      layers: LIMITS,
      default: '2-10-10-3',
      help: 'The network’s layer list, input first: 2 inputs, 1–6 hidden ReLU layers of 1–128 units, 3 outputs. Presets: the course’s 2-10-10-3 (173 parameters), or its commented-out 2-50-3 (303; lr 0.1 there) and 2-10-10-10-3 (283). Restarts the run.',
    }),
    bool('shuffle', {
      label: 'shuffle',
      default: true,
      help: 'Reshuffle the batches every epoch (on: the fix of issue 13); off: the course’s class-ordered batches, each a single class, so the loss saw-tooths. Restarts the run.',
    }),
  ],
});
