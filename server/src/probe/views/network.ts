/**
 * A dense network as a `network` panel (shared/src/lessons.ts, DemoPanel): its weights edge by edge, a value
 * per node (biases, or whatever the lesson passes) and optionally a dropout mask. Wide layers are cut to their
 * first `maxUnits` units (the panel's `totals` then keeps the full widths), so a 2-300-300-2 network is drawn as
 * 2-16-16-2: 320 edges instead of 91,200. The weights are read with dataSync (denseValues), which creates no
 * tensor: call it outside tf.tidy or inside, it leaves nothing behind.
 */
import { field, type DemoPanel } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';
import { denseValues, type DenseValues, type NamedParams } from './denseJs.ts';

/** The most nodes a panel draws per layer (the panel convention). */
export const NETWORK_MAX_UNITS = 16;

/** The panel's arrays for a chain of dense layers, cut to the first `maxUnits` units of each layer. */
export interface NetworkArrays {
  /** Nodes drawn per layer, input first: min(width, maxUnits). */
  sizes: number[];
  /** Full width of every layer. */
  totals: number[];
  /** Edge weights [E], layer by layer, each block W[:sizes[l], :sizes[l+1]] row-major (edge i → j at i·sizes[l+1] + j). */
  weights: Float32Array;
  /** Biases [N] in node order; NaN for the input layer, which has none. */
  biases: Float32Array;
}

/** Layers' full widths: the first layer's inputs, then each layer's outputs; throws when they do not chain. */
export function layerWidths(layers: readonly DenseValues[]): number[] {
  if (!layers.length) throw new RangeError('network: no layers');
  const widths = [layers[0]!.inDim];
  layers.forEach((layer, l) => {
    if (layer.inDim !== widths[l]) throw new RangeError(`network: layer ${l + 1} takes ${layer.inDim} inputs, the layer before gives ${widths[l]}`);
    if (layer.W.length !== layer.inDim * layer.outDim || layer.b.length !== layer.outDim) {
      throw new RangeError(`network: layer ${l + 1} has ${layer.W.length} weights and ${layer.b.length} biases for [${layer.inDim}, ${layer.outDim}]`);
    }
    widths.push(layer.outDim);
  });
  return widths;
}

export function networkArrays(layers: readonly DenseValues[], maxUnits = NETWORK_MAX_UNITS): NetworkArrays {
  const totals = layerWidths(layers);
  const sizes = totals.map((t) => Math.min(t, maxUnits));
  let e = 0;
  for (let l = 0; l + 1 < sizes.length; l++) e += sizes[l]! * sizes[l + 1]!;
  const weights = new Float32Array(e);
  const biases = new Float32Array(sizes.reduce((a, b) => a + b, 0)).fill(NaN, 0, sizes[0]);
  let k = 0;
  let node = sizes[0]!;
  layers.forEach((layer, l) => {
    const [rows, cols] = [sizes[l]!, sizes[l + 1]!];
    // The full W is [inDim, outDim] row-major: W[i, j] at i·outDim + j.
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) weights[k++] = layer.W[i * layer.outDim + j]!;
    for (let j = 0; j < cols; j++) biases[node++] = layer.b[j]!;
  });
  return { sizes, totals, weights, biases };
}

/** Each layer's first sizes[l] values of per-layer arrays (full widths), concatenated in node order. */
export function perNode(values: readonly ArrayLike<number>[], sizes: readonly number[], totals: readonly number[]): Float32Array {
  if (values.length !== sizes.length) throw new RangeError(`network: ${values.length} value arrays for ${sizes.length} layers`);
  const out = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let node = 0;
  values.forEach((v, l) => {
    if (v.length !== totals[l]) throw new RangeError(`network: layer ${l} has ${totals[l]} units, ${v.length} values`);
    for (let i = 0; i < sizes[l]!; i++) out[node++] = v[i]!;
  });
  return out;
}

/** The dense layers fc1, fc2, … of a model or net (buildMlp's names), in order. */
export function denseChain(net: NamedParams): DenseValues[] {
  const names = net.paramNames ?? net.names ?? [];
  const layers: DenseValues[] = [];
  for (let l = 1; names.includes(`fc${l}.W`); l++) layers.push(denseValues(net, `fc${l}`));
  return layers;
}

export interface NetworkViewOptions {
  /** Node fill: the layers' biases (default; the input layer hollow), or one array per layer (full widths). */
  values?: 'biases' | readonly ArrayLike<number>[];
  /** A per-layer keep mask (1 kept, 0 dropped; full widths), e.g. a dropout mask; none: every node kept. */
  mask?: readonly ArrayLike<number>[] | null;
  /** Layer names; default input, hidden (1, 2, …), output. */
  names?: string[];
  maxUnits?: number;
  group?: string;
}

/** Default layer names: input, hidden or hidden 1, hidden 2…, output. */
export function layerNames(count: number): string[] {
  const hidden = count - 2;
  return Array.from({ length: count }, (_, l) => (l === 0 ? 'input' : l === count - 1 ? 'output' : hidden === 1 ? 'hidden' : `hidden ${l}`));
}

/**
 * A network panel of `layers` (each x·W + b), fields `${name}.w` [E], `${name}.values` [N] and, with a mask,
 * `${name}.mask` u8 [N]. When a layer is cut, the title says how many units are drawn.
 */
export function networkView(name: string, title: string, layers: readonly DenseValues[], opts: NetworkViewOptions = {}): DemoView {
  const maxUnits = opts.maxUnits ?? NETWORK_MAX_UNITS;
  const { sizes, totals, weights, biases } = networkArrays(layers, maxUnits);
  const cut = totals.some((t, l) => t > sizes[l]!);
  const values = !opts.values || opts.values === 'biases' ? biases : perNode(opts.values, sizes, totals);
  const panel: DemoPanel = {
    kind: 'network',
    title: cut ? `${title} (first ${maxUnits} units of each wider layer)` : title,
    field: `${name}.w`,
    sizes,
    y2: `${name}.values`,
    names: opts.names ?? layerNames(sizes.length),
  };
  if (cut) panel.totals = totals;
  if (opts.group) panel.group = opts.group;
  const fields = { [`${name}.w`]: field('f32', weights, [weights.length]), [`${name}.values`]: field('f32', values, [values.length]) };
  if (opts.mask) {
    const mask = perNode(opts.mask, sizes, totals);
    fields[`${name}.mask`] = field('u8', Uint8Array.from(mask, (m) => (m ? 1 : 0)), [mask.length]);
    panel.labels = `${name}.mask`;
  }
  return { fields, layout: [panel] };
}

/** networkView of a model's or net's layers fc1, fc2, … as they are now (reads the variables; no tensors made). */
export function netNetworkView(net: NamedParams, name: string, title: string, opts: NetworkViewOptions = {}): DemoView {
  return networkView(name, title, denseChain(net), opts);
}
