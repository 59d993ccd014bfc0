/**
 * The views of the course's small CNNs (ch09-04 bars, ch09-05/06 MNIST 16×16): the learnt kernels, one chosen
 * sample with the net's prediction, its feature maps stage by stage (conv, batch norm, activation, pooling) and
 * batch norm's running statistics. Feature maps are taken in evaluation mode (batch norm on its running
 * statistics), for the one chosen sample.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { field } from '@gradcast/shared';
import type { CnnSpec } from '../../train/nets/cnn.ts';
import type { Net } from '../../train/nets/mlp.ts';
import type { DemoView } from '@gradcast/shared';
import { joinViews, textView } from './compose.ts';
import { activationsOf, drawingCaption, featureMapView, type ReadTensor, sampleCaption } from './featureMaps.ts';
import { runningStatsView } from './layerStats.ts';
import { convKernelTiles, indexCaptions, tilesView } from './tiles.ts';

export interface CnnViewsSpec {
  net: Net;
  spec: CnnSpec;
  /** The set the chosen sample comes from: row-major images [n, side·side·inCh] in [0, 1], and labels. */
  samples: { pixels: Float32Array; labels: ArrayLike<number>; n: number };
  /** Names of the classes for captions (default: the class index). */
  classNames?: readonly string[];
  /**
   * Kernels as grids with their values written in (ch09-04's 2×2 kernels, one grid per output ← input pair)
   * instead of tiles (one tile per output channel: all of them when the layer has one input channel, else those
   * of input channel 0, as the course draws conv2's kernels before training).
   */
  kernelGrids?: boolean;
  /** Which stages' feature maps to show, from Net.activations' names (conv1, bn1, act1, pool1, …). */
  featureMaps: string[];
  /** Batch norm's running mean and variance per channel (when the net has batch norm). */
  runningStats?: boolean;
}

const MAPS_GROUP = 'feature maps of the chosen sample';

const ACTIVATION_NAME: Record<CnnSpec['activation'], string> = { relu: 'ReLU', sigmoid: 'σ', tanh: 'tanh', identity: 'identity' };

/** Title and colour scale of a feature-map stage: signed maps on the diverging scale, ReLU and pool outputs (≥ 0) sequential. */
function stage(name: string, spec: CnnSpec): { title: string; scale: 'diverging' | 'sequential' } {
  const m = /^([a-z]+)(\d+)$/.exec(name);
  const [kind, i] = m ? [m[1], m[2]] : [name, ''];
  const nonNegative = spec.activation === 'relu' || spec.activation === 'sigmoid';
  switch (kind) {
    case 'conv':
      return { title: `conv${i} output`, scale: 'diverging' };
    case 'bn':
      return { title: `after batch norm ${i}`, scale: 'diverging' };
    case 'act':
      return { title: `after ${ACTIVATION_NAME[spec.activation]} ${i}`, scale: nonNegative ? 'sequential' : 'diverging' };
    case 'pool':
      return { title: `after max-pool ${i}`, scale: nonNegative ? 'sequential' : 'diverging' };
    default:
      return { title: name, scale: 'diverging' };
  }
}

/** The kernels of conv layer i (1-based) as a view. */
function kernelView(i: number, W: Float32Array, k: number, inCh: number, outCh: number, grids: boolean): DemoView {
  if (grids) {
    const group = `conv${i} kernels (${k}×${k}, output ← input channel)`;
    const parts: DemoView[] = [];
    for (let o = 0; o < outCh; o++) {
      for (let c = 0; c < inCh; c++) {
        const name = `conv${i}.k${o}.${c}`;
        const data = new Float32Array(k * k);
        for (let p = 0; p < k * k; p++) data[p] = W[(p * inCh + c) * outCh + o] as number;
        parts.push({ fields: { [name]: field('f32', data, [k, k]) }, layout: [{ kind: 'grid', title: `${o} ← ${c}`, field: name, scale: 'diverging', group }] });
      }
    }
    return joinViews(...parts);
  }
  const title =
    inCh === 1 ? `conv${i} filters (${outCh} × ${k}×${k})` : `conv${i} filters, input channel 0 (${outCh} of ${outCh}×${inCh}, ${k}×${k})`;
  return tilesView(`conv${i}.W`, title, convKernelTiles(W, k, k, inCh, outCh, inCh === 1 ? undefined : 0), outCh, k, k, {
    scale: 'diverging',
    captions: indexCaptions(outCh),
  });
}

/**
 * The CNN's views for the chosen sample `index` (clamped to the set), or for `drawn` when given: an image a
 * member drew (side·side·inCh pixels in [0, 1], the samples' layout), which then takes the chosen sample's place
 * as the input tile, the feature maps and the prediction (titled "input: your drawing", captioned "→ 3 (0.87)").
 */
export function cnnViews(v: CnnViewsSpec, index: number, drawn?: Float32Array | null): DemoView {
  const { net, spec, samples } = v;
  const k = Math.min(samples.n - 1, Math.max(0, Math.round(index)));
  const d = spec.side * spec.side * spec.inCh;
  if (drawn && drawn.length !== d) throw new RangeError(`cnnViews: a drawing of ${drawn.length} pixels, the net takes ${d}`);
  const pixels = drawn ?? samples.pixels.subarray(k * d, (k + 1) * d);
  const acts = activationsOf(net, pixels, [1, d]);
  let inCh = spec.inCh;
  const kernels = spec.convs.map((c, i) => {
    const W = net.params[net.names.indexOf(`conv${i + 1}.W`)] as tf.Variable;
    const view = kernelView(i + 1, W.dataSync() as Float32Array, c.k, inCh, c.out, v.kernelGrids ?? false);
    inCh = c.out;
    return view;
  });
  const sampleGroup = 'chosen sample';
  const logits = (acts.logits as ReadTensor).data;
  const sample = tilesView('sample', drawn ? 'input: your drawing' : 'input', Float32Array.from(pixels), 1, spec.side, spec.side, {
    scale: 'grey',
    captions: [drawn ? drawingCaption(logits, v.classNames) : sampleCaption(k, samples.labels[k] as number, logits, v.classNames)],
    group: sampleGroup,
  });
  // A stage this net lacks (batch norm, in the comparison without it) says so under the same title, so the
  // stages keep their order when the trainer puts the variants' panels side by side.
  const maps = v.featureMaps.map((name) => {
    const s = stage(name, spec);
    const a = acts[name];
    return a ? featureMapView(`map.${name}`, s.title, a, s.scale, MAPS_GROUP) : textView(s.title, 'This model has no such layer.', MAPS_GROUP);
  });
  const stats = v.runningStats
    ? (net.runningStats?.() ?? []).map((s) =>
        runningStatsView(
          s.name,
          `${s.name} running statistics`,
          Float32Array.from(s.mean.dataSync()),
          Float32Array.from(s.variance.dataSync()),
          s.name === 'bnfc' ? 'class (logit)' : 'channel',
        ),
      )
    : [];
  return joinViews(sample, ...maps, ...kernels, ...stats);
}
