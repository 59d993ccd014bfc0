/**
 * ch03-03 · Chapter03_03Validation: validation data and choosing the learning rate.
 * Data: x = −3…3 step 0.1 (60 points), true line f = −3x + 1. Training y = f + ε with outliers y[0] = 0 (x = −3)
 * and y[50…54] = 20 (x = 2.0…2.4); validation: the same x, independent ε, no outliers. Model Linear 1→1 with
 * PyTorch's default init U(−1, 1) for w and b, MSE, SGD with batch 1 in order (the course runs 10 epochs = 600
 * steps per lr), lr ∈ {0.1, 0.01, 0.001, 0.0001}.
 *
 * With the outliers the least-squares line of the training set is far from the true one (about w ≈ −1.25,
 * b ≈ 3.1 against −3, 1), which is why the validation loss, not the training loss, is the one to choose by.
 */
import { createRng } from '../data/prng.ts';
import { outlierLine } from '../data/synthetic.ts';
import { buildLinearModel } from './linearModel.ts';
import { INIT_STREAM, subSeed } from './memoryRows.ts';
import type { TrainingLesson } from './types.ts';

/** The learning rates compared, largest first (see the description for the order). */
const RATES = [0.1, 0.01, 0.001, 0.0001];

export const ch03_03: TrainingLesson = {
  info: {
    id: 'ch03-03',
    title: 'Validation data and choosing the learning rate',
    chapter: 3,
    trains: true,
    // Every variant fixes its lr, so lr is no control here; the batch size applies to all four.
    controls: ['batchSize', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
    defaults: { optimizer: 'sgd', batchSize: 1, speed: 20 },
    description:
      'Four copies of Linear 1→1 start from the same random (w, b) ~ U(−1, 1) and train side by side with SGD, ' +
      'batch 1 in order, at lr 0.1, 0.01, 0.001 and 0.0001, on 60 points of y = −3x + 1 + ε whose training set has ' +
      'six outliers (y = 0 at x = −3, y = 20 at x = 2.0…2.4). After every epoch (60 steps) each run reports its ' +
      'MSE over the whole training set (trainLoss) and over a validation set drawn at the same x without outliers ' +
      '(valLoss). The lr to keep is the one with the lowest validation loss, not the lowest training loss: the ' +
      'outliers pull the training optimum away from the true line. lr 0.1 is too large for single samples here — ' +
      'each outlier throws it far off, its training loss stays well above the others’ and its validation loss ' +
      'swings with the last samples it saw; lr 0.0001 has hardly moved after the course’s 600 steps; lr 0.01 and ' +
      '0.001 settle near the training optimum. The paths share the exact MSE surface of the training set ' +
      '(w ∈ [−6, 4], b ∈ [−4, 6]). The runs are listed largest lr first, so the single-run panels (fit, ' +
      'parameters) show the run that visibly moves. The course built a fresh, unseeded model per lr, so its lrs ' +
      'started from different points; here they share one start drawn from the run seed, and the data come from ' +
      'the run seed too.',
  },
  variants: RATES.map((lr) => ({ label: `lr = ${lr}`, hp: { lr } })),
  build: ({ tf, seed, hp }) => {
    const { train, val } = outlierLine(seed, { noise: 1, outliers: true });
    // One start for every variant, from its own stream of the run seed (the data use the seed itself).
    const rng = createRng(subSeed(seed, INIT_STREAM));
    const w0 = rng.range(-1, 1);
    const b0 = rng.range(-1, 1);
    return buildLinearModel({
      tf,
      x: train.x,
      y: train.y,
      w0,
      b0,
      bias: true,
      hp,
      window: { w: [-6, 4], b: [-4, 6], resolution: 61 },
      evalSets: { train: { x: train.x, y: train.y }, val: { x: val.x, y: val.y } },
    });
  },
};
