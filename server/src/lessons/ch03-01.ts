/**
 * ch03-01 · Chapter03_01StochasticGradientDescent: batch vs stochastic vs mini-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = x − 1 + 0.1·ε. Model ŷ = w·x + b from (w, b) = (−15, −10), MSE, plain
 * gradient descent with lr 0.1, batches taken in order (never shuffled; the last partial batch is kept). The course
 * runs each batch size for 10 epochs from the same start; here the four run side by side, one update each per
 * step, so after k steps the full-batch run has seen k epochs and the batch-1 run k/60 of one.
 * Options: the four runs' batch sizes, shuffle and the start point (catalogue "Live controls"). Its panels (contour with every path, loss vs
 * epoch per batch size, fitted line) are the surface, path, metrics and fit channels.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { biasLine } from '../data/synthetic.ts';
import { boolOption, intOption, numberOption } from '../probe/views/compose.ts';
import { buildLinearModel } from './linearModel.ts';
import { SHUFFLE_STREAM, subSeed } from '../data/prng.ts';
import type { TrainingLesson, Variant } from './types.ts';

const DEFAULTS = { shuffle: false, w0: -15, b0: -10 };

/** The points in the data set: the largest batch (full batch). */
const N = 60;

/** One option per run: its batch size, with the course's 60, 1, 5 and 10 as defaults. */
const BATCH_OPTIONS = [
  { name: 'batchRun1', course: 60 },
  { name: 'batchRun2', course: 1 },
  { name: 'batchRun3', course: 5 },
  { name: 'batchRun4', course: 10 },
] as const;

const batchLabel = (b: number): string => (b === N ? `batch ${N} (full)` : `batch ${b}`);

/** The four runs as the options set them (the defaults: the course's 60, 1, 5, 10). */
function variantsFor(options: OptionValues): Variant[] {
  return BATCH_OPTIONS.map(({ name, course }) => {
    const batchSize = intOption(options, name, course, 1, N);
    return { label: batchLabel(batchSize), hp: { batchSize } };
  });
}

const CONTROLS: LessonOption[] = [
  ...BATCH_OPTIONS.map(
    ({ name, course }, i): LessonOption => ({
      name,
      label: `run ${i + 1} batch size`,
      kind: 'integer',
      default: course,
      min: 1,
      max: N,
      step: 1,
      help: `Batch size of run ${i + 1} (the course: ${course}${course === N ? ', the full batch' : course === 1 ? ', stochastic gradient descent' : ''}); ${N} is full-batch gradient descent, 1 stochastic. Restarts the run.`,
    }),
  ),
  {
    name: 'shuffle',
    label: 'shuffle',
    kind: 'boolean',
    default: DEFAULTS.shuffle,
    help: 'Draw a new order of the 60 points every epoch (PyTorch’s shuffle=True), the same order sequence for every batch size; off: in order, as the course. Restarts the run.',
  },
  { name: 'w0', label: 'start w', kind: 'number', default: DEFAULTS.w0, min: -15, max: 15, step: 0.5, help: 'w where every run starts (the course: −15). Restarts the run.' },
  { name: 'b0', label: 'start b', kind: 'number', default: DEFAULTS.b0, min: -13, max: 13, step: 0.5, help: 'b where every run starts (the course: −10). Restarts the run.' },
];

export const ch03_01: TrainingLesson = {
  info: {
    id: 'ch03-01',
    title: 'Batch, stochastic and mini-batch gradient descent',
    chapter: 3,
    trains: true,
    // Every variant fixes its batch size, so batchSize is no control here; lr applies to all four.
    controls: ['lr', 'speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'data', 'fit'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 10 },
    description:
      'Four copies of ŷ = w·x + b start from (w, b) = (−15, −10) on the same 60 points y = x − 1 + 0.1·ε and take ' +
      'one gradient-descent update each per step, lr 0.1: full batch (60), stochastic (batch 1) and mini-batches ' +
      'of 5 and 10, in order. Their paths share the exact MSE surface over all 60 points (w ∈ [−15, 15], ' +
      'b ∈ [−13, 13]): the full-batch path descends smoothly, the smaller the batch the more it zig-zags, because ' +
      'each update follows its own mini-batch’s gradient (a path point’s loss is that mini-batch’s loss). Per update ' +
      'the small batches are cheaper but noisier; per epoch (60, 12 or 6 updates) they get further. The evaluation ' +
      'row trainLoss is each run’s loss over all 60 points, the course’s per-epoch curve. Course bugs fixed: the ' +
      'original’s loader runs trained on the noise-free y = x − 1 while their loss was measured on the noisy data ' +
      '(issue 3), so the batch sizes did not see the same problem; here every run trains on the same noisy data it ' +
      'is scored on. The surface uses the training formula (the original’s sign error put its minimum at b = +1). ' +
      'No graph-attached loss list and no per-input printing. Options: the four runs’ batch sizes (1…60, the ' +
      'course’s 60, 1, 5 and 10 by default; each run is labelled by its batch size), shuffle (a new order every ' +
      'epoch, off as in the course) and the start (w, b); each restarts the run.',
    options: CONTROLS,
  },
  variants: variantsFor({}),
  variantsFor,
  build: ({ tf, seed, hp, options }) => {
    // The same seed for every variant: the same 60 noisy points (and, shuffled, the same order sequence).
    const { x, y } = biasLine(seed, { noise: 0.1 });
    return buildLinearModel({
      tf,
      x,
      y,
      w0: numberOption(options, 'w0', DEFAULTS.w0),
      b0: numberOption(options, 'b0', DEFAULTS.b0),
      bias: true,
      hp,
      shuffle: boolOption(options, 'shuffle', DEFAULTS.shuffle) ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined,
      window: { w: [-15, 15], b: [-13, 13], resolution: 61 },
      evalSets: { train: { x, y } },
    });
  },
};
