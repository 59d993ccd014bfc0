/**
 * ch07-03 · Chapter07_03NNMultiDim: XOR with a 2-2-1 network.
 * Data: 100 points, 25 each at (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 in that block order, jittered by N(0, 0.01²).
 * Model 2 → 2 (σ) → 1 (σ) (9 parameters, default init), BCE, SGD lr 0.1, batch 1 in order (100 steps per epoch;
 * the course runs 500 epochs = 50,000 steps).
 */
import { createRng } from '../data/prng.ts';
import { xor } from '../data/synthetic.ts';
import { INIT_STREAM, memoryTargets, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec } from './nets/mlp.ts';
import { regressorModel } from './regressor.ts';
import type { TrainingLesson } from './types.ts';

export const ch07_03: TrainingLesson = {
  info: {
    id: 'ch07-03',
    title: 'XOR with one hidden layer',
    chapter: 7,
    trains: true,
    controls: ['lr', 'batchSize', 'init', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 1, init: 'default', speed: 30 },
    description:
      'XOR, which no single linear boundary separates, learnt by a 2 → 2 (σ) → 1 (σ) network: each hidden unit ' +
      'draws one line and the output combines them. BCE, SGD lr 0.1, batch 1 over 100 jittered corner points; the ' +
      'accuracy (all 100 points, threshold 0.5) sits at 50 % and then 75 % on a plateau of thousands of steps ' +
      'before the hidden units split the work and it reaches 100 % (some starting weights stay at 75 % much ' +
      'longer). Course bugs fixed: the jitter (std 0.01) is added once, where the original re-added it on every ' +
      'pass of its filling loop (std 0.01 to 0.05); the data are drawn from the run seed.',
  },
  build: ({ seed, hp }) => {
    const set = xor(seed, { jitter: 0.01 });
    const y = Float32Array.from(set.labels);
    const spec: MlpSpec = { sizes: [2, 2, 1], activation: 'sigmoid', batchNorm: false, dropout: false };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    return regressorModel(net, memoryTargets({ xDim: 2, x: set.x, y }), hp, {
      head: 'sigmoid',
      loss: 'bce',
      accuracyOn: { x: set.x, xDim: 2, y },
    });
  },
};
