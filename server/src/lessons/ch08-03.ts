/**
 * ch08-03 · Chapter08_03Dropout: dropout on a classification task.
 * Data: 1,000 clean points x ~ U(0, 1)², label 1 where f(x) = −1 + x1 + 2·x2 + x1·x2 − 3·x1² + x2² > 0, then
 * Gaussian noise on the features (std 0.2 for training; the validation set is a fresh draw of 1,000 points with
 * std 0.15). Models 2 → 300 → 300 → 2 with ReLU, dropout on each hidden pre-activation (drop, then ReLU),
 * p = 0 vs p = 0.5 (the second run's p is an option, variantsFor): 91,802 parameters each, default init.
 * Cross-entropy, Adam lr 0.01, full batch (1,000); the course runs 500 iterations, both models stepping in the same
 * loop as here.
 * Options: the dropout run's rate, the training feature noise and the hidden width. View (per model, side by side):
 * the learned decision regions over the data range ± 0.1 (32 × 32 cells, each a 2-300-300-2 forward pass: ~10 ms
 * per model on wasm) with every second training point and the true boundary f = 0; the network graph of the first
 * 16 units of each layer (weights and biases), with, for p > 0, a sample dropout mask: the training step's masks
 * are not kept, so each view draws a fresh Bernoulli(1 − p) keep mask per hidden layer from its own seeded stream
 * (a new one about once a second: the drop-mask animation of the catalogue).
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { polynomialBoundary, polynomialBoundaryF } from '../data/synthetic.ts';
import { zeroContour } from '../probe/views/boundaryLines.ts';
import { intOption, joinViews, numberOption } from '../probe/views/compose.ts';
import { netNetworkView } from '../probe/views/network.ts';
import { paddedExtent } from '../probe/views/regions.ts';
import { memoryRows, smallClassifierModel } from './memoryRows.ts';
import { classifierRegions } from './classifierRegions.ts';
import { INIT_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp } from '../train/nets/mlp.ts';
import { dropoutMask } from '../train/model.ts';
import type { TrainingLesson, Variant } from './types.ts';
import { DROPOUT_COMPARISON_CONTROLS, dropoutVariants } from './variants.ts';

const DEFAULTS = { dropout: 0.5, noise: 0.2, width: 300 };

/**
 * Stream (subSeed) of the views' sample dropout masks: apart from the weights' and the training masks' stream, so
 * drawing a view's mask (at the views' pace, not the steps') never changes the run's training.
 */
const VIEW_MASK_STREAM = 101;

const CONTROLS: LessonOption[] = [
  ...DROPOUT_COMPARISON_CONTROLS,
  {
    name: 'noise',
    label: 'noise',
    kind: 'number',
    default: DEFAULTS.noise,
    min: 0,
    max: 0.5,
    step: 0.01,
    help: 'Standard deviation of the Gaussian noise on the training features (the course’s intent: 0.2; the validation set keeps 0.15). 0: clean points, no label noise. Restarts the run.',
  },
];

/** p = 0 against the option's rate (0…0.9; the course's 0.5 by default). */
const variantsFor = (options: OptionValues): Variant[] => dropoutVariants(options, DEFAULTS.dropout);

export const ch08_03: TrainingLesson = {
  info: {
    id: 'ch08-03',
    title: 'Dropout: classification',
    chapter: 8,
    trains: true,
    // Every variant fixes its dropout rate, so dropout is no control here.
    controls: ['lr', 'optimizer', 'batchSize', 'speed'],
    channels: ['metrics', 'panels'],
    defaults: { lr: 0.01, optimizer: 'adam', batchSize: 1000, speed: 10 },
    description:
      'Two 2 → 300 → 300 → 2 ReLU networks (91,802 parameters each) learn a curved boundary from 1,000 noisy points, ' +
      'side by side from the same initial weights: one without dropout, one dropping each hidden unit with ' +
      'p = 0.5 (an option) in training (inverted dropout on the pre-activation, then ReLU). Cross-entropy, Adam lr 0.01, full ' +
      'batch. The labels come from the clean points and the features are noised afterwards, so points near the ' +
      'boundary carry label noise that a network this large can memorise: over the course’s 500 steps the p = 0 ' +
      'network drives its training loss lower (0.31 against 0.37 in our runs) while the dropout network ends with ' +
      'the lower validation loss (0.294 against 0.300) — a small gap on this task. Each run reports training ' +
      'accuracy over the 1,000 training points and, after every step (one epoch at full batch), testAccuracy and ' +
      'testLoss on the validation set of 1,000 fresh points (feature noise 0.15), both in evaluation mode (no ' +
      'dropout). Course ' +
      'bugs fixed: the training features are noised once (std 0.2; the original added 0.2 twice, std ≈ 0.283); the ' +
      'data come from the run seed (the original’s NumPy draws were unseeded). Kept as in the course: f is the ' +
      'catalogue’s polynomial (its unused coefficient a[3] plays no part), and the label noise near the boundary is ' +
      'the lesson’s design. The decision-region view the original defined but never called is drawn: each ' +
      'model’s predicted class over the data range ± 0.1 (evaluation mode) with every second training point and ' +
      'the true boundary f = 0 on top, side by side, and each network’s graph, cut to the first 16 units of each ' +
      'hidden layer: edges coloured by the weights’ sign, as wide as |w|, nodes filled by their bias, and for ' +
      'p > 0 a sample dropout mask, drawn afresh for every view (crossed-out units are dropped; the training ' +
      'step’s own masks are not kept). Options: the second network’s dropout rate p (0 to 0.9, the course’s 0.5; ' +
      'its legend label follows), the training feature noise and the hidden width; each restarts the run.',
    options: CONTROLS,
  },
  variants: variantsFor({}),
  variantsFor,
  build: ({ seed, hp, options }) => {
    const trainNoise = numberOption(options, 'noise', DEFAULTS.noise);
    const width = intOption(options, 'width', DEFAULTS.width, 2, 300);
    const { train, val } = polynomialBoundary(seed, { n: 1000, trainNoise, valNoise: 0.15 });
    // The same weight stream for both: only the dropout rate differs. The masks are drawn from the same
    // generator after the weights, so a run's masks are reproducible from its seed.
    const net = buildMlp({ sizes: [2, width, width, 2], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const data = { xDim: 2, x: train.x, y: train.labels };
    const model = smallClassifierModel(net, data, hp, {
      test: memoryRows({ xDim: 2, x: val.x, y: val.labels }),
    });
    // The true boundary over the drawn extent (the same extent classifierRegions takes), traced once.
    const truth = zeroContour(polynomialBoundaryF, paddedExtent(train.x, 0.1), 80, 80);
    const regions = classifierRegions(net, data, {
      classes: 2,
      cells: 32,
      every: 2,
      title: 'learned decision regions with the points and the true boundary f = 0',
      segments: truth,
    });
    const maskRng = createRng(subSeed(seed, VIEW_MASK_STREAM));
    const network = () => {
      // hp is this variant's live hyperparameters (its p fixed by the variant): p = 0 draws no mask (every unit kept).
      const p = hp.dropout;
      // Per layer, full widths (2, width, width, 2): inputs and outputs are never dropped.
      const kept = new Float32Array(2).fill(1);
      const mask = p > 0 ? [kept, dropoutMask(width, p, maskRng), dropoutMask(width, p, maskRng), kept] : null;
      const title = 'network graph: edges the weights, node fill the biases, crossed out: a sample dropout mask';
      return netNetworkView(net, 'network', title, { mask });
    };
    model.views = () => joinViews(regions(), network());
    return model;
  },
};
