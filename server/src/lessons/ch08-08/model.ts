/**
 * ch08-08 · Chapter08_08NNwithMomentum: momentum on the spiral.
 * Data: the 3-arm spiral of ch08-02 (500 points per class, 1,500 in class order; the course seeds NumPy with 0).
 * Model [2, 50, 3] with ReLU (303 parameters, default init), cross-entropy, SGD lr 0.1 with momentum
 * μ ∈ {0, 0.1, 0.4, 0.5} (PyTorch form), batch 20 (75 steps per epoch; the course runs 100 epochs per μ).
 * Options: the four runs' momenta (variantsFor: labels and fixed hp follow them) and shuffle. View (per μ, side by
 * side): the decision regions over the data range ± 0.1 (40 × 40 cells: four runs share the frame) with every
 * third point (500 of 1,500, each arm evenly: the points are stored along the arms).
 */
import { createRng } from '../../data/prng.ts';
import { spiral } from '../../data/synthetic.ts';
import { smallClassifierModel } from '../memoryRows.ts';
import { classifierRegions } from '../classifierRegions.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { fmt } from '../demoKit.ts';
import { trainingLesson } from '../join.ts';
import { info, MOMENTUM_OPTIONS } from './info.ts';

export const ch08_08 = trainingLesson(info, {
  // The four runs at the options' momenta; two runs at one μ get their run number in the legend.
  variantsFor: (options) => {
    const momenta = MOMENTUM_OPTIONS.map(({ name }) => options[name]);
    const labels = momenta.map((m) => `μ = ${fmt(m)}`);
    return momenta.map((momentum, i) => ({
      label: labels.filter((l) => l === labels[i]).length > 1 ? `${labels[i]} (run ${i + 1})` : (labels[i] as string),
      hp: { optimizer: 'momentum' as const, momentum },
    }));
  },
  build: ({ seed, hp, options }) => {
    const set = spiral(seed);
    const net = buildMlp({ sizes: [2, 50, 3], activation: 'relu', batchNorm: false, dropout: false }, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const shuffle = options.shuffle ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const data = { xDim: 2, x: set.x, y: set.labels };
    const model = smallClassifierModel(net, data, hp, { shuffle });
    model.views = classifierRegions(net, data, { classes: 3, cells: 40, every: 3 });
    return model;
  },
});
