/**
 * ch08-02 · Chapter08_02MultiLayer_ModuleList: depth from a list of layer sizes, on the spiral.
 * Data: a 3-arm spiral, 500 points per class (1,500), class j: r = linspace(0, 1, 500),
 * θ = linspace(4j, 4(j+1), 500) + 0.2·ε, point (r·sin θ, r·cos θ). Model [2, 10, 10, 3] with ReLU hidden layers
 * and linear logits (173 parameters, default init), cross-entropy, SGD lr 0.01, batch 20 (75 steps per epoch; the
 * course runs 1,000 epochs = 75,000 steps).
 * Options: the layer list (LessonOption kind 'layers': any 2-…-3 list of 1–6 hidden layers of 1–128 units, the
 * course's active list and its two commented alternatives as presets) and shuffle. Views, side by side: the
 * 3-class decision regions over the data range ± 0.1 (60 × 60 cells) with the 1,500 points, and the network graph
 * (weights as edges, biases as node fills; layers wider than 16 drawn in part).
 */
import { type LessonOption, type LayerLimits, parseLayerList } from '@gradcast/shared';
import { createRng } from '../data/prng.ts';
import { spiral } from '../data/synthetic.ts';
import { boolOption, joinViews } from '../probe/views/compose.ts';
import { netNetworkView } from '../probe/views/network.ts';
import { smallClassifierModel } from './memoryRows.ts';
import { classifierRegions } from './classifierRegions.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../data/prng.ts';
import { buildMlp, type MlpSpec } from '../train/nets/mlp.ts';
import type { DemoView, TrainingLesson } from './types.ts';

/** The course's layer lists: the active [2, 10, 10, 3] and the two commented-out alternatives. */
const PRESETS = ['2-10-10-3', '2-50-3', '2-10-10-10-3'];
/**
 * What a layer list may be: the spiral's 2 coordinates in, its 3 classes out; up to 6 hidden layers of up to 128
 * units keeps the largest network (2-128×6-3, 83,331 parameters) under the course's largest model and a step
 * on the 1,500 points fast.
 */
const LIMITS: LayerLimits = { input: 2, output: 3, minHidden: 1, maxHidden: 6, minUnits: 1, maxUnits: 128 };
const DEFAULTS = { layers: '2-10-10-3', shuffle: true };

const CONTROLS: LessonOption[] = [
  {
    name: 'layers',
    label: 'layer sizes',
    kind: 'layers',
    options: PRESETS,
    layers: LIMITS,
    default: DEFAULTS.layers,
    help: 'The network’s layer list, input first: 2 inputs, 1–6 hidden ReLU layers of 1–128 units, 3 outputs. Presets: the course’s 2-10-10-3 (173 parameters), or its commented-out 2-50-3 (303; lr 0.1 there) and 2-10-10-10-3 (283). Restarts the run.',
  },
  {
    name: 'shuffle',
    label: 'shuffle',
    kind: 'boolean',
    default: DEFAULTS.shuffle,
    help: 'Reshuffle the batches every epoch (on: the fix of issue 13); off: the course’s class-ordered batches, each a single class, so the loss saw-tooths. Restarts the run.',
  },
];

/** Heading of the regions and network panels, drawn side by side. */
const GROUP = 'decision regions and network';
const NETWORK_TITLE = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';

/**
 * The layer list's widths. options:set refuses a list outside LIMITS before it gets here; builds made outside a
 * trainer (tests, probes) may pass anything, which reads as the course's list.
 */
function layerSizes(value: unknown): number[] {
  const list = parseLayerList(value, LIMITS);
  if (list.ok) return list.sizes;
  return (parseLayerList(DEFAULTS.layers, LIMITS) as { sizes: number[] }).sizes;
}

/** A view's panels put in GROUP, so the client draws them beside the network graph. */
function inGroup(view: DemoView): DemoView {
  return { ...view, layout: view.layout.map((p) => ({ ...p, group: GROUP })) };
}

export const ch08_02: TrainingLesson = {
  info: {
    id: 'ch08-02',
    title: 'Depth via a layer list (spiral)',
    chapter: 8,
    trains: true,
    controls: ['lr', 'batchSize', 'optimizer', 'momentum', 'weightDecay', 'dropout', 'batchNorm', 'init', 'speed'],
    channels: ['metrics', 'panels'],
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
      'the weights anew). Side by side, the regions panel shows the predicted class over the data range ± 0.1 ' +
      'with all 1,500 points (evaluation mode), and the network graph the weights (edges coloured by sign, as ' +
      'wide as |w|) and biases (node fill), the first 16 units of a wider layer. Options: the layer list, edited ' +
      'freely (1–6 hidden layers of 1–128 units) or from the course’s 2-10-10-3, its commented-out 2-50-3 and ' +
      '2-10-10-10-3, and shuffle (off brings back the single-class batches of the original); each restarts the run.',
    options: CONTROLS,
  },
  build: ({ seed, hp, options }) => {
    const set = spiral(seed);
    const sizes = layerSizes(options?.layers);
    // Batch norm, dropout and the initialisation follow the live controls (off, 0 and default, as the course).
    const spec: MlpSpec = { sizes, activation: 'relu', batchNorm: hp.batchNorm, dropout: true };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    const shuffle = boolOption(options, 'shuffle', DEFAULTS.shuffle) ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const model = smallClassifierModel(net, { xDim: 2, x: set.x, y: set.labels }, hp, { shuffle });
    const regions = classifierRegions(net, { xDim: 2, x: set.x, y: set.labels }, { classes: 3, cells: 60 });
    // The graph reads the weights as they are (dataSync, at most 16 units a layer): cheap beside the regions'
    // forward pass over 3,600 cells.
    model.views = () => joinViews(inGroup(regions()), netNetworkView(net, 'network', NETWORK_TITLE, { group: GROUP }));
    return model;
  },
};
