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
import { createRng } from '../../data/prng.ts';
import { polynomialBoundary, polynomialBoundaryF } from '../../data/synthetic.ts';
import { zeroContour } from '../../probe/views/boundaryLines.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { netNetworkView } from '../../probe/views/network.ts';
import { paddedExtent } from '../../probe/views/regions.ts';
import { memoryRows, smallClassifierModel } from '../memoryRows.ts';
import { classifierRegions } from '../classifierRegions.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { dropoutMask } from '../../train/model.ts';
import { dropoutVariants } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/**
 * Stream (subSeed) of the views' sample dropout masks: apart from the weights' and the training masks' stream, so
 * drawing a view's mask (at the views' pace, not the steps') never changes the run's training.
 */
const VIEW_MASK_STREAM = 101;

export const ch08_03 = trainingLesson(info, {
  // p = 0 against the option's rate (0…0.9; the course's 0.5 by default).
  variantsFor: (options) => dropoutVariants(options.dropout),
  build: ({ seed, hp, options }) => {
    const trainNoise = options.noise;
    const { width } = options;
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
});
