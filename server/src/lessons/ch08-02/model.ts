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
import { layerWidths } from '@gradcast/shared';
import { createRng } from '../../data/prng.ts';
import { spiral } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { netNetworkView } from '../../probe/views/network.ts';
import { smallClassifierModel } from '../memoryRows.ts';
import { classifierRegions } from '../classifierRegions.ts';
import { INIT_STREAM, SHUFFLE_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/** Heading of the regions and network panels, drawn side by side. */
const GROUP = 'decision regions and network';
const NETWORK_TITLE = 'network graph: edges the weights (red +, blue −, width ∝ |w|), node fill the biases';

/** A view's panels put in GROUP, so the client draws them beside the network graph. */
function inGroup(view: DemoView): DemoView {
  return { ...view, layout: view.layout.map((p) => ({ ...p, group: GROUP })) };
}

export const ch08_02 = trainingLesson(info, {
  build: ({ seed, hp, options }) => {
    const set = spiral(seed);
    // A list within the option's limits (a build given one outside them gets the course's: join.ts).
    const sizes = layerWidths(options.layers);
    // Batch norm, dropout and the initialisation follow the live controls (off, 0 and default, as the course).
    const spec: MlpSpec = { sizes, activation: 'relu', batchNorm: hp.batchNorm, dropout: true };
    const net = buildMlp(spec, hp.init, createRng(subSeed(seed, INIT_STREAM)), hp);
    const shuffle = options.shuffle ? createRng(subSeed(seed, SHUFFLE_STREAM)) : undefined;
    const model = smallClassifierModel(net, { xDim: 2, x: set.x, y: set.labels }, hp, { shuffle });
    const regions = classifierRegions(net, { xDim: 2, x: set.x, y: set.labels }, { classes: 3, cells: 60 });
    // The graph reads the weights as they are (dataSync, at most 16 units a layer): cheap beside the regions'
    // forward pass over 3,600 cells.
    model.views = () => joinViews(inGroup(regions()), netNetworkView(net, 'network', NETWORK_TITLE, { group: GROUP }));
    return model;
  },
});
