/**
 * ch06-01 · Chapter06_01Softmax1D: softmax regression in one dimension.
 * Data: x = −2…2 step 0.1 (40 points); class 0 if x ≤ −1, 1 if −1 < x < 1, 2 if x ≥ 1 (11 / 19 / 10), in order.
 * Model Linear 1→3 logits (6 parameters, default init, bound 1), cross-entropy, SGD lr 0.01, batch 5 in order
 * (8 steps per epoch; the course runs 400 epochs = 3,200 steps).
 */
import { createRng } from '../data/prng.ts';
import { threeClass1d } from '../data/synthetic.ts';
import { INIT_STREAM, smallClassifierModel, subSeed } from './memoryRows.ts';
import { buildMlp, type MlpSpec } from './nets/mlp.ts';
import type { TrainingLesson } from './types.ts';

export const ch06_01: TrainingLesson = {
  info: {
    id: 'ch06-01',
    title: 'Softmax in one dimension',
    chapter: 6,
    trains: true,
    controls: ['lr', 'batchSize', 'speed'],
    channels: ['metrics'],
    defaults: { lr: 0.01, optimizer: 'sgd', batchSize: 5, speed: 30 },
    description:
      'Three classes on a line (x ≤ −1, −1 < x < 1, x ≥ 1; 40 points) learnt by softmax regression: one logit line ' +
      'z_k = w_k·x + b_k per class, the predicted class being the largest logit. Cross-entropy, SGD lr 0.01, ' +
      'batch 5. The accuracy (over all 40 points) climbs as the crossings of the lines move towards x = −1 and ' +
      'x = 1, reaching 100 % within the course’s 3,200 steps. Course bug fixed: the original’s region colouring ' +
      'compared a curve with itself (y1 > y1); here a point’s class is the argmax of its logits.',
  },
  build: ({ seed, hp }) => {
    const set = threeClass1d();
    const spec: MlpSpec = { sizes: [1, 3], activation: 'identity', batchNorm: false, dropout: false };
    const net = buildMlp(spec, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    return smallClassifierModel(net, { xDim: 1, x: set.x, y: set.labels }, hp);
  },
};
