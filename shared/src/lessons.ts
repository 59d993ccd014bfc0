/** Public lesson metadata: what `/api/lessons`, `gradcast lessons` and the client list. */
import type { Channel, Field } from './frames.ts';
import type { HyperparamName, Hyperparams } from './hyperparams.ts';
import type { LessonOption } from './lessonOption.ts';

// Lesson options: their wire form, typed spec builders, validation of `options:set` and resolution for a build.
export * from './lessonOption.ts';
export * from './optionSpecs.ts';
export * from './layerList.ts';
export * from './validateOptionValues.ts';
export * from './resolveOptions.ts';

export interface LessonInfo {
  /** Catalogue id, e.g. "ch02-03". */
  id: string;
  title: string;
  /** Chapter number (1–9; 0 for the auxiliary helper module). */
  chapter: number;
  /** True when the lesson runs an optimizer; false for demos. */
  trains: boolean;
  /** Hyperparameters a member may change live (the contract's names). */
  controls: HyperparamName[];
  /** Channels this lesson streams, in the order the client lays out panels. */
  channels: Channel[];
  /** What the lesson shows, and which course bugs it fixes. */
  description: string;
  /** Starting values of the controls. */
  defaults: Partial<Hyperparams>;
  /**
   * The lesson's own parameters, changed with `options:set`. Demos: kernel, stride, padding… Training lessons:
   * options outside the contract's hyperparameters (noise, start point, activation, lr schedule…); changing
   * one restarts the run from step 0 with a new generation, except those marked `hot`.
   */
  options?: LessonOption[];
}

/**
 * How the client draws one array of a `panels` frame (meta.layout is a JSON list of these). Demo lessons and
 * training lessons (weight templates, decision regions, histograms…) use the same panels.
 *  - grid: a 2-D array [rows, cols] as a heatmap with the values written in each cell (small arrays); optional
 *    `y2` names a [rows, cols] mask (0/1) whose non-zero cells are drawn with a thick outline (e.g. the input
 *    cells under a convolution's window and the output cell it computes); optional `points` names a field
 *    [n, 3] of (x, y, value) drawn on top of the heatmap as outlined dots filled with their value on the grid's
 *    colour scale (the scale then spans the cells and the points), e.g. data over a fitted plane, so a dot's
 *    colour against the cell under it shows its residual. `extent` [xMin, xMax, yMin, yMax] places them: the x of
 *    the first and last columns' centres, and the y of the last (bottom) and first (top) rows' centres (row 0 is
 *    drawn at the top, at yMax); points without an extent are not drawn;
 *  - image: a 2-D array as a greyscale image (pixels in [0, 1]), no numbers;
 *  - series: line plot of `field` (y) against `x` (another field), optional `y2` for a second line, `lines` for
 *    more, `names` for the legend (one per line, in order field, y2, lines…), `points` to mark (x, y) pairs:
 *    a path by default (joined, the last one emphasised: an optimizer's visits), or scattered data when
 *    `pointsAs` is "dots"; `ball` draws the last path point as a ball that rolls along the curve (the first
 *    line) between frames, pinned at the curve's end when its x leaves the curve's range (a diverging run);
 *  - vectors: 2-D arrows, field [k, 4] rows (x0, y0, x1, y1);
 *  - table: field [rows, cols] as a table with `columns` headers;
 *  - text: `text` only;
 *  - tiles: field [k, h, w] as k small images in a wrapping grid (weight templates, conv filters, feature maps,
 *    a gallery of digits), one colour scale shared by all tiles (`scale`; "grey" draws pixels in [0, 1]),
 *    `captions` one short string per tile;
 *  - regions: field [ny, nx] holds a class index per cell of a grid over `extent` [xMin, xMax, yMin, yMax]
 *    (row 0 at yMin), drawn as class colours; `y2` optionally names a [ny, nx] confidence in [0, 1] that shades
 *    them; `points` a field [n, 3] of (x, y, class) drawn on top; `segments` a field [k, 4] of lines
 *    (x0, y0, x1, y1), e.g. each hidden unit's boundary or the true boundary;
 *  - histogram: field [k, bins] of counts, `x` a field [bins + 1] of bin edges shared by the k rows; drawn as k
 *    small histograms side by side, named by `names`;
 *  - scatter: field [n, 2] of points, `labels` a field [n] of class indices that colour them;
 *  - network: a dense network as a graph, layers as columns of nodes from input (left) to output (right).
 *    `sizes` (on the panel, not a field) holds the nodes drawn per layer, input first: L layers, N = Σ sizes
 *    nodes, E = Σ sizes[l]·sizes[l+1] edges. `field` is f32 [E], every edge's weight layer by layer, each
 *    layer's block its weight matrix W [sizes[l], sizes[l+1]] row-major (x·W + b: edge i → j at i·sizes[l+1] + j),
 *    drawn coloured by sign (the diverging scale's colours) with width and opacity ∝ |w| / max |w| of the panel.
 *    Optional `y2`: f32 [N], a value per node in layer order (the title says which: biases, activations of one
 *    input…), drawn as the node's fill on the diverging scale; NaN means "no value" (e.g. the input layer's
 *    nodes when the values are biases), drawn hollow. Optional `labels`: a field [N] of per-node masks, 1 kept,
 *    0 dropped (a dropout mask), a dropped node drawn faded and crossed out and its edges hidden. Optional `names`:
 *    one name per layer. Wide layers are not drawn in full: a server sends at most 16 nodes per layer, the
 *    first ones (units 0 … sizes[l] − 1, their edges and values); then `totals` holds every layer's
 *    full width (totals[l] ≥ sizes[l]) and the client says "first sizes[l] of totals[l]" under the layer.
 *  - graph: a computation graph (autograd), drawn left to right: inputs (nodes no edge enters) in the first
 *    column, every other node one column right of the furthest node feeding it. `names` (on the panel) holds one
 *    short label per node, N nodes (e.g. "u", "×", "x²", "+", "f"); `edges` (on the panel) the E edges as
 *    [from, to] node indices, a DAG. `field` is f32 [N, 2]: each node's value and ∂f/∂node (the output's gradient
 *    with respect to it: 1 at the output). `y2` is f32 [E, 2], per edge: the value flowing forward along it (its
 *    source's value) and the gradient flowing back along it (∂f/∂to · ∂to/∂from, the edge's share of its
 *    source's gradient: a node's out-edges' shares sum to its ∂f/∂node).
 * `group` puts panels side by side under one heading (e.g. input, kernel, output). `xLabel`/`yLabel` name axes.
 */
export interface DemoPanel {
  kind:
    | 'grid'
    | 'image'
    | 'series'
    | 'vectors'
    | 'table'
    | 'text'
    | 'tiles'
    | 'regions'
    | 'histogram'
    | 'scatter'
    | 'network'
    | 'graph';
  title: string;
  field?: string;
  x?: string;
  y2?: string;
  lines?: string[];
  names?: string[];
  points?: string;
  /** series: draw `points` as a path (default) or as unjoined data dots. */
  pointsAs?: 'path' | 'dots';
  /** series: the last row of `points` is a ball on the first line (the current position), animated between frames. */
  ball?: boolean;
  segments?: string;
  labels?: string;
  captions?: string[];
  extent?: [number, number, number, number];
  columns?: string[];
  text?: string;
  group?: string;
  xLabel?: string;
  yLabel?: string;
  /** network: nodes drawn per layer, input first (at most 16 each). */
  sizes?: number[];
  /** network: every layer's full width when a layer is drawn in part (its first sizes[l] units). */
  totals?: number[];
  /** graph: the edges as [from, to] node indices (into `names` and the field's rows). */
  edges?: Array<[number, number]>;
  /** Colour scale: "diverging" (around 0), "sequential", or "grey" (tiles: pixels in [0, 1]). */
  scale?: 'diverging' | 'sequential' | 'grey';
}

/**
 * Views as plain wire data: named arrays and how to draw them (a `panels` frame's fields and layout). What a demo
 * computes for one set of its option values, and what a training lesson's model shows of itself.
 */
export interface DemoView {
  fields: Record<string, Field>;
  layout: DemoPanel[];
  /**
   * Titles of panels that describe every run of a comparison at once (ch03-03's loss against lr): drawn once,
   * under their own title, not captioned with the variant that happened to compute them.
   */
  common?: string[];
}
