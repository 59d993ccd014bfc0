/**
 * ch03-01 · Chapter03_01StochasticGradientDescent: batch vs stochastic vs mini-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. Model ŷ = w·x + b from (w, b) = (−15, −10), MSE, plain
 * gradient descent with lr 0.1, batches taken in order (never shuffled; the last partial batch is kept). The course
 * runs each batch size for 10 epochs from the same start; here the four run side by side, one update each per
 * step, so after k steps the full-batch run has seen k epochs and the batch-1 run k/60 of one.
 * Options: the four runs' batch sizes, shuffle and the start point (catalogue "Live controls"). Its panels (contour with every path, loss vs
 * epoch per batch size, fitted line) are the surface, path, metrics and fit channels.
 */
import { createRng } from '../../data/prng.ts';
import { biasLine } from '../../data/synthetic.ts';
import { buildLinearModel } from '../linearModel.ts';
import { SHUFFLE_STREAM, subSeed } from '../../data/prng.ts';
import { trainingLesson } from '../join.ts';
import { BATCH_OPTIONS, info, N } from './info.ts';

const batchLabel = (b: number): string => (b === N ? `batch ${N} (full)` : `batch ${b}`);

export const ch03_01 = trainingLesson(info, {
  // The four runs as the options set them (the defaults: the course's 60, 1, 5, 10).
  variantsFor: (options) => BATCH_OPTIONS.map(({ name }) => ({ label: batchLabel(options[name]), hp: { batchSize: options[name] } })),
  build: ({ tf, seed, hp, options }) => {
    // The same seed for every variant: the same 60 noisy points (and, shuffled, the same order sequence).
    const { x, y } = biasLine(seed, { noise: 0.1 });
    return buildLinearModel({
      tf,
      x,
      y,
      w0: options.w0,
      b0: options.b0,
      bias: true,
      hp,
      shuffle: options.shuffle ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined,
      window: { w: [-15, 15], b: [-13, 13], resolution: 61 },
      evalSets: { train: { x, y } },
    });
  },
});
