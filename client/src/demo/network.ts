/**
 * The network panel's drawing, as plain numbers (NetworkPanel.svelte only writes them out as SVG). The panel
 * (shared/src/lessons.ts, DemoPanel "network"): `sizes` nodes per layer, input first; the field holds the E edge
 * weights layer by layer, each layer's W [sizes[l], sizes[l+1]] row-major (edge i → j at i·sizes[l+1] + j);
 * optional node values [N] (NaN: none), a keep mask [N] (0: dropped), layer names and full widths (`totals`).
 *  - layout: layers are columns left → right across the width; each column's nodes are centred vertically, one
 *    spacing apart (the same spacing in every column, set by the widest one), so a 16-unit layer fits ~320 px;
 *  - edges: coloured by sign with the tiles' diverging scale (colorScale.ts, positive red, negative blue) at
 *    SIGN_TONE of the way to its ends, so a small weight keeps its sign's hue; its magnitude is the stroke's width
 *    and opacity, both ∝ |w| / max |w| over the edges of its layer (each layer's largest at EDGE_WIDTH[1] and
 *    full opacity);
 *  - nodes: filled by their value on the diverging scale over ±max |value| (NaN: hollow); a dropped node is
 *    faded and crossed out, and the edges into and out of it are not drawn (it passes nothing on).
 */
import { scaleColor, scaleDomain, type ScaleDomain } from './colorScale.ts';

/** Where on the diverging scale edges take their sign's colour: 0 the middle (white), 1 the dark ends. */
export const SIGN_TONE = 0.8;
/** Stroke width (px) of a zero weight and of the panel's largest |w|. */
export const EDGE_WIDTH: readonly [number, number] = [0.5, 4];
/** Stroke opacity of a zero weight and of the panel's largest |w|. */
export const EDGE_OPACITY: readonly [number, number] = [0.15, 1];
/** At most this many nodes have their value written beside them, and edges their weight (small networks). */
export const WRITE_NODES = 8;
export const WRITE_EDGES = 4;

/** Horizontal room (px) left and right of the outer columns (node value text), above (names) and below (notes). */
const PAD_X = 36;
const PAD_TOP = 22;
const PAD_BOTTOM = 22;
/** Vertical distance between neighbouring nodes: at most MAX_SPACING, the widest layer in ≤ MAX_COLUMN px. */
const MAX_SPACING = 56;
const MIN_SPACING = 14;
const MAX_COLUMN = 300;

export interface NetworkInput {
  sizes: readonly number[];
  weights: ArrayLike<number>;
  values?: ArrayLike<number> | undefined;
  mask?: ArrayLike<number> | undefined;
  names?: readonly string[] | undefined;
  totals?: readonly number[] | undefined;
}

export interface NetNode {
  /** Position in node order (layer by layer): the index into values and mask. */
  index: number;
  layer: number;
  unit: number;
  x: number;
  y: number;
  r: number;
  /** NaN when the panel has no value for it. */
  value: number;
  /** CSS colour of its value, or null (hollow). */
  fill: string | null;
  dropped: boolean;
}

export interface NetEdge {
  /** Position in the weights field. */
  index: number;
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  color: string;
  width: number;
  opacity: number;
}

export interface NetColumn {
  x: number;
  name: string;
  /** "first 16 of 300" under a layer drawn in part; empty otherwise. */
  note: string;
}

export interface NetworkGeometry {
  width: number;
  height: number;
  nodes: NetNode[];
  /** The drawn edges: those between two kept nodes, weakest first (so the strong ones lie on top). */
  edges: NetEdge[];
  columns: NetColumn[];
  /** The largest |w| of the panel (0 when every weight is 0 or there are none). */
  /** Largest |w| of the panel, and of each layer (the scale of that layer's edges). */
  maxAbsW: number;
  layerMaxAbsW: number[];
  /** The node values' diverging domain, or null without values. */
  valueDomain: ScaleDomain | null;
  /** Whether node values and edge weights are small enough in number to be written out. */
  writeValues: boolean;
  writeWeights: boolean;
}

/** The edge count of layers `sizes`: Σ sizes[l]·sizes[l+1]. */
export function edgeCount(sizes: readonly number[]): number {
  let e = 0;
  for (let l = 0; l + 1 < sizes.length; l++) e += (sizes[l] as number) * (sizes[l + 1] as number);
  return e;
}

/** Sizes a panel can be drawn from: at least two layers of whole, positive widths (at most 64, a sanity bound). */
export function validSizes(sizes: unknown): sizes is number[] {
  return Array.isArray(sizes) && sizes.length >= 2 && sizes.every((s) => Number.isInteger(s) && s >= 1 && s <= 64);
}

const rgb = (c: readonly number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;
const SIGN_DOMAIN: ScaleDomain = { scale: 'diverging', lo: -1, hi: 1, nonFinite: 0 };

/** An edge's colour: its sign's hue on the diverging scale (0 and NaN: the scale's middle). */
export function edgeColor(w: number): string {
  const s = w > 0 ? 1 : w < 0 ? -1 : 0;
  return rgb(scaleColor(s * SIGN_TONE, SIGN_DOMAIN));
}

/** Stroke width and opacity of a weight w, for a panel whose largest |w| is maxAbs. */
export function edgeStroke(w: number, maxAbs: number): { width: number; opacity: number } {
  const t = maxAbs > 0 && Number.isFinite(w) ? Math.min(1, Math.abs(w) / maxAbs) : 0;
  return {
    width: EDGE_WIDTH[0] + t * (EDGE_WIDTH[1] - EDGE_WIDTH[0]),
    opacity: EDGE_OPACITY[0] + t * (EDGE_OPACITY[1] - EDGE_OPACITY[0]),
  };
}

/** Vertical distance (px) between neighbouring nodes of a column, set by the widest layer. */
function spacingOf(sizes: readonly number[]): number {
  const widest = Math.max(...sizes);
  return widest > 1 ? Math.max(MIN_SPACING, Math.min(MAX_SPACING, MAX_COLUMN / (widest - 1))) : MAX_SPACING;
}

/**
 * The drawing of a network panel in a box `width` px wide (the height follows from the widest layer), or null
 * when the sizes are unusable or the weights are not E = Σ sizes[l]·sizes[l+1] (values and mask of the wrong
 * length are ignored).
 */
export function networkGeometry(input: NetworkInput, width: number): NetworkGeometry | null {
  const { sizes, weights } = input;
  if (!validSizes(sizes) || weights.length !== edgeCount(sizes)) return null;
  const n = sizes.reduce((a, b) => a + b, 0);
  const values = input.values && input.values.length === n ? input.values : undefined;
  const mask = input.mask && input.mask.length === n ? input.mask : undefined;
  const spacing = spacingOf(sizes);
  const r = Math.max(4, Math.min(14, spacing * 0.3));
  const widest = Math.max(...sizes);
  const height = PAD_TOP + (widest - 1) * spacing + 2 * r + PAD_BOTTOM;
  const midY = PAD_TOP + r + ((widest - 1) * spacing) / 2;
  const left = PAD_X + r;
  const right = Math.max(left + 1, width - PAD_X - r);
  const colX = (l: number): number => left + ((right - left) * l) / (sizes.length - 1);
  const valueDomain = values ? { ...scaleDomain(values, 'diverging'), nonFinite: 0 } : null;

  const nodes: NetNode[] = [];
  const first: number[] = []; // index of each layer's first node
  sizes.forEach((size, layer) => {
    first.push(nodes.length);
    for (let unit = 0; unit < size; unit++) {
      const index = nodes.length;
      const value = values ? (values[index] as number) : NaN;
      nodes.push({
        index,
        layer,
        unit,
        x: colX(layer),
        y: midY + (unit - (size - 1) / 2) * spacing,
        r,
        value,
        fill: valueDomain && Number.isFinite(value) ? rgb(scaleColor(value, valueDomain)) : null,
        dropped: mask ? mask[index] === 0 : false,
      });
    }
  });

  // Edges are scaled within their layer: a 300 → 300 layer's weights are far smaller than the input layer's,
  // and on one scale they would all but vanish.
  const layerMaxAbsW: number[] = [];
  let maxAbsW = 0;
  for (let l = 0, at = 0; l + 1 < sizes.length; l++) {
    let m = 0;
    const count = (sizes[l] as number) * (sizes[l + 1] as number);
    for (let k = at; k < at + count; k++) {
      const a = Math.abs(weights[k] as number);
      if (Number.isFinite(a) && a > m) m = a;
    }
    layerMaxAbsW.push(m);
    maxAbsW = Math.max(maxAbsW, m);
    at += count;
  }
  const edges: NetEdge[] = [];
  let k = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [rows, cols] = [sizes[l] as number, sizes[l + 1] as number];
    const layerMax = layerMaxAbsW[l] as number;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, k++) {
        const a = nodes[(first[l] as number) + i] as NetNode;
        const b = nodes[(first[l + 1] as number) + j] as NetNode;
        if (a.dropped || b.dropped) continue;
        const w = weights[k] as number;
        edges.push({ index: k, from: a.index, to: b.index, x1: a.x, y1: a.y, x2: b.x, y2: b.y, w, color: edgeColor(w), ...edgeStroke(w, layerMax) });
      }
    }
  }

  const mag = (w: number): number => (Number.isFinite(w) ? Math.abs(w) : 0);
  edges.sort((a, b) => mag(a.w) - mag(b.w) || a.index - b.index);

  const columns = sizes.map((size, l) => {
    const total = input.totals?.[l];
    return {
      x: colX(l),
      name: input.names?.[l] ?? '',
      note: typeof total === 'number' && total > size ? `first ${size} of ${total}` : '',
    };
  });
  return {
    width,
    height,
    nodes,
    edges,
    columns,
    maxAbsW,
    layerMaxAbsW,
    valueDomain,
    writeValues: !!values && n <= WRITE_NODES,
    writeWeights: weights.length <= WRITE_EDGES,
  };
}
