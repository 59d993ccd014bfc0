/**
 * ch08-02 · Chapter08_02MultiLayer_ModuleList: depth from a list of layer sizes, on the spiral.
 * Data: a 3-arm spiral, 500 points per class (1,500), class j: r = linspace(0, 1, 500),
 * θ = linspace(4j, 4(j+1), 500) + 0.2·ε, point (r·sin θ, r·cos θ). Model [2, 10, 10, 3] with ReLU hidden layers
 * and linear logits (173 parameters, default init), cross-entropy, SGD lr 0.01, batch 20 (75 steps per epoch; the
 * course runs 1,000 epochs = 75,000 steps).
 */
import { createRng } from '../data/prng.ts';
import { spiral } from '../data/synthetic.ts';
import { INIT_STREAM, SHUFFLE_STREAM, smallClassifierModel, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec } from './nets/mlp.ts';
import type { TrainingLesson } from './types.ts';

export const ch08_02: TrainingLesson = {
  info: {
    id: 'ch08-02',
    title: 'Two hidden layers on the spiral',
    chapter: 8,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'weightDecay', 'dropout', 'batchNorm', 'init', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 20, speed: 0 },
    description:
      'A 2-10-10-3 ReLU network (173 parameters) learns the three interleaved arms of a spiral (1,500 points), ' +
      'which no linear classifier can separate: cross-entropy, SGD lr 0.01, batch 20. Accuracy is over all 1,500 ' +
      'points. Course bugs fixed: the points are stored class by class, and the original did not shuffle, so ' +
      'every batch held a single class and the loss saw-toothed with the class order; here the batches are ' +
      'reshuffled every epoch (seeded). The original also stepped a global optimizer rather than its argument; ' +
      'here there is only the run’s own optimizer. The spiral is drawn from the run seed (the original’s NumPy ' +
      'stream was unseeded). Live controls beyond the course: optimizer, momentum, weight decay, dropout on ' +
      'the hidden layers, batch norm (rebuilds the network, keeping the weights) and the initialisation (draws ' +
      'the weights anew).',
  },
  build: ({ seed, hp }) => {
    const set = spiral(seed);
    // Batch norm, dropout and the initialisation follow the live controls (off, 0 and default, as the course).
    const spec: MlpSpec = { sizes: [2, 10, 10, 3], activation: 'relu', batchNorm: hp.batchNorm, dropout: true };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    return smallClassifierModel(net, { xDim: 2, x: set.x, y: set.labels }, hp, { shuffle: createRng(subSeed(seed, SHUFFLE_STREAM)) });
  },
};
