/**
 * ch07-05b · Chapter07_05ActivationFunc_Test: activations on a 1-D three-class task.
 * Data: x = linspace(−20, 20, 100); class 1 if −10 < x < −5 (13 points), class 2 if 5 < x < 10 (13), otherwise 0
 * (74), in order. Model 1 → 2 (ReLU) → 3 logits (13 parameters, default init), cross-entropy, SGD lr 0.1, batch 5
 * in order (20 steps per epoch; the course runs 1,000 epochs = 20,000 steps).
 */
import { createRng } from '../data/prng.ts';
import { threeClassBumps1d } from '../data/synthetic.ts';
import { INIT_STREAM, smallClassifierModel, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec } from './nets/mlp.ts';
import type { TrainingLesson } from './types.ts';

export const ch07_05b: TrainingLesson = {
  info: {
    id: 'ch07-05b',
    title: 'ReLU network on a 1-D three-class task',
    chapter: 7,
    trains: true,
    controls: ['lr', 'batchSize', 'init', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 5, init: 'default', speed: 30 },
    description:
      'Two bumps of classes 1 and 2 on a background of class 0 along x ∈ [−20, 20] (100 points), learnt by a ' +
      '1 → 2 (ReLU) → 3 network: cross-entropy, SGD lr 0.1, batch 5; training accuracy over all 100 points. Two ' +
      'hidden units are barely enough, and at the course’s settings (lr 0.1 on inputs up to ±20) the first updates ' +
      'are large enough to switch the ReLUs off on all or most points — a dead unit gets no gradient — so the ' +
      'network settles on predicting the background everywhere (74 %), as the course’s own script does. Lower lr ' +
      'to 0.01 and the units survive: the bumps appear and the accuracy climbs towards 90 % over the course’s ' +
      '20,000 steps for some starting weights (try init). No course bug touches this lesson.',
  },
  build: ({ seed, hp }) => {
    const set = threeClassBumps1d();
    const spec: MlpSpec = { sizes: [1, 2, 3], activation: 'relu', batchNorm: false, dropout: false };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    return smallClassifierModel(net, { xDim: 1, x: set.x, y: set.labels }, hp);
  },
};
