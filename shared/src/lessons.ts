/** Public lesson metadata: what `/api/lessons`, `gradcast lessons` and the client list. */
import type { Channel, Field } from './frames.ts';
import type { HyperparamName, Hyperparams } from './hyperparams.ts';

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
 * The limits of a `layers` control's list: `input`, then minHidden … maxHidden hidden widths, each minUnits …
 * maxUnits, then `output`. Widths are in units (neurons); the input and output widths are fixed by the data
 * (features in, classes out), so only the hidden layers are the member's to choose.
 */
export interface LayerLimits {
  /** Units of the input layer (the data's features). */
  input: number;
  /** Units of the output layer (e.g. one logit per class). */
  output: number;
  /** Fewest and most hidden layers. */
  minHidden: number;
  maxHidden: number;
  /** Fewest and most units of one hidden layer. */
  minUnits: number;
  maxUnits: number;
}

/**
 * A parameter of a demo lesson (not a training hyperparameter).
 * `drawing`: a small greyscale image a member draws (e.g. a digit for the MNIST lessons), `width` × `height`
 * pixels. Its value is a string: '' for "no drawing", else the standard base64 (with padding, no line breaks)
 * of exactly width·height bytes, row-major from the top-left, 0 = black background, 255 = white ink (MNIST's
 * convention); 28×28 is 1,048 characters, small enough for `options:set`, snapshots and `options:changed`.
 * `layers`: a dense network's layer list (ch08-02's layer-list editor). Its value is a string of every layer's
 * width in units, input first, as decimal integers joined by single '-', e.g. '2-10-10-3' (2 inputs, two hidden
 * layers of 10, 3 outputs). One spelling per list: no spaces, signs or leading zeros. `layers` (the field) holds
 * the limits the value must keep (LayerLimits: the fixed input and output widths, how many hidden layers, how
 * wide each); `options`, when present, are presets the client offers (any list within the limits is accepted).
 * `animate` (integer controls): the client offers a ▶/⏸ button beside the slider that steps through the values,
 * value + step every ~600 ms, around again from min after max (one `options:set` at a time), until paused, e.g. a
 * sliding window's position (ch09-01).
 * `matrix` (number and integer controls): the control is one cell of a small matrix of values, e.g. a kernel's
 * weights. Controls whose `matrix.name` is equal are drawn together, where the first of them would be, as a
 * `rows` × `cols` grid of number boxes laid out like the matrix (cell `index` row-major: row ⌊index / cols⌋,
 * column index mod cols) under the heading `matrix.name`, in place of a slider each. Each cell is still its own
 * control: it is sent, validated and shown (shownWhen) on its own, exactly as without `matrix`.
 */
export interface LessonOption {
  name: string;
  label: string;
  kind: 'number' | 'integer' | 'boolean' | 'enum' | 'drawing' | 'layers';
  default: number | boolean | string;
  min?: number;
  max?: number;
  step?: number;
  options?: string[];
  /** drawing: image width and height in pixels. */
  width?: number;
  height?: number;
  /** layers: what a layer list may be (required for that kind; a control without it accepts no value). */
  layers?: LayerLimits;
  help?: string;
  /** Training lessons: applies at the next step without restarting the run (e.g. the lr schedule). */
  hot?: boolean;
  /** A hot option that only picks what a view shows (a drawn digit, the sample shown), not how training goes. */
  viewOnly?: boolean;
  /** integer: the client offers ▶ to step through the values (a "play" of the control; opt-in). */
  animate?: boolean;
  /**
   * Shown only while another control of the lesson has one of these values (e.g. ch09-01's kernel cells while
   * the kernel is "custom 3×3", the lr decay's constant while a schedule uses one). Always accepted by options:set.
   */
  shownWhen?: { control: string; equals: ReadonlyArray<number | boolean | string> };
  /** number / integer: a cell of a matrix of controls drawn as one grid (see above). */
  matrix?: MatrixCell;
}

/** Where a control sits in a matrix of controls (LessonOption.matrix). */
export interface MatrixCell {
  /** The matrix's heading, shared by all its cells (e.g. "Kernel cells"). */
  name: string;
  /** The matrix's shape: rows × cols cells. */
  rows: number;
  cols: number;
  /** This cell's place, row-major: 0 … rows·cols − 1. */
  index: number;
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

export type OptionValues = Record<string, number | boolean | string>;

/** Checks a `options:set` payload against a demo's controls; refused whole on the first problem. */
export function validateOptionValues(
  input: unknown,
  controls: readonly LessonOption[],
): { ok: true; values: OptionValues } | { ok: false; error: { code: 'invalid'; message: string } } {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'invalid' as const, message } });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('options:set expects an object of { name: value }');
  const entries = Object.entries(input as Record<string, unknown>);
  if (!entries.length) return bad('options:set needs at least one value');
  const values: OptionValues = {};
  for (const [name, value] of entries) {
    const c = controls.find((k) => k.name === name);
    if (!c) return bad(`unknown option "${name}" (controls: ${controls.map((k) => k.name).join(', ') || 'none'})`);
    if (c.kind === 'boolean') {
      if (typeof value !== 'boolean') return bad(`${name}: expected true or false`);
    } else if (c.kind === 'enum') {
      if (typeof value !== 'string' || !c.options?.includes(value)) return bad(`${name}: expected one of ${c.options?.join(', ')}`);
    } else if (c.kind === 'layers') {
      const list = parseLayerList(value, c.layers);
      if (!list.ok) return bad(`${name}: ${list.problem}`);
      // Accepted only in its one spelling, so this is the string sent.
      values[name] = list.sizes.join('-');
      continue;
    } else if (c.kind === 'drawing') {
      if (typeof value !== 'string') return bad(`${name}: expected a base64 string or ''`);
      const problem = drawingProblem(value, (c.width ?? 0) * (c.height ?? 0));
      if (problem) return bad(`${name}: ${problem} (a ${c.width ?? 0}×${c.height ?? 0} drawing)`);
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad(`${name}: expected a number`);
      if (c.kind === 'integer' && !Number.isInteger(value)) return bad(`${name}: expected an integer`);
      if (c.min !== undefined && value < c.min) return bad(`${name}: must be ≥ ${c.min}`);
      if (c.max !== undefined && value > c.max) return bad(`${name}: must be ≤ ${c.max}`);
    }
    values[name] = value;
  }
  return { ok: true, values };

  /**
   * Why `value` is not a drawing of `bytes` pixels ('' when it is one): empty, or strict base64 (the
   * alphabet A–Z a–z 0–9 + /, length a multiple of 4, '=' only as the final padding, unused bits zero, so
   * every image has exactly one encoding) whose decoded length is `bytes`. Checked from the text alone: nothing
   * is decoded.
   */
  function drawingProblem(value: string, bytes: number): string {
    if (value === '') return '';
    if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return 'not valid base64';
    const pad = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
    // The last character before the padding carries 4 (==) or 2 (=) bits past the data: they must be zero.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(value.charAt(value.length - pad - 1));
    if (pad && last % (pad === 2 ? 16 : 4) !== 0) return 'not valid base64 (non-zero padding bits)';
    const n = (value.length / 4) * 3 - pad;
    return n === bytes ? '' : `expected ${bytes} pixels, got ${n}`;
  }
}

/**
 * A `layers` control's value as its widths (units per layer, input first), or why it is not a list within
 * `limits`, in words that name the layer and the limit (e.g. "hidden layer 2 has 500 units, at most 128").
 * Only the canonical spelling is accepted (digits joined by single '-', no leading zeros), so equal lists are
 * equal strings: a change is a change of network, and `options:changed` shows the same text everyone typed.
 */
export function parseLayerList(
  value: unknown,
  limits: LayerLimits | undefined,
): { ok: true; sizes: number[] } | { ok: false; problem: string } {
  const no = (problem: string) => ({ ok: false as const, problem });
  if (!limits) return no('this control declares no layer limits, so no list is accepted');
  const { input, output, minHidden, maxHidden, minUnits, maxUnits } = limits;
  // An example within the limits, for the messages: the fewest hidden layers (at least one), 10 units each.
  const units = Math.min(maxUnits, Math.max(minUnits, 10));
  const example = [input, ...Array<number>(Math.max(1, minHidden)).fill(units), output].join('-');
  if (typeof value !== 'string') return no(`expected a layer list as a string of widths joined by '-', e.g. '${example}'`);
  if (!/^[0-9]+(?:-[0-9]+)*$/.test(value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return no(`expected widths (whole numbers) joined by single '-', no spaces, e.g. '${example}'; got ${JSON.stringify(shown)}`);
  }
  const parts = value.split('-');
  const last = parts.length - 1;
  const layer = (i: number) => (i === 0 ? 'the input layer' : i === last ? 'the output layer' : `hidden layer ${i}`);
  const zeroed = parts.findIndex((p) => p.length > 1 && p.startsWith('0'));
  if (zeroed >= 0) return no(`${layer(zeroed)} is written '${parts[zeroed]}': no leading zeros`);
  if (parts.length < 2) return no(`expected an input layer, hidden layers and an output layer, e.g. '${example}'; got one width`);
  const sizes = parts.map(Number);
  if (sizes[0] !== input) return no(`the input layer must have ${input} units (the data's features), got ${parts[0]}`);
  if (sizes[last] !== output) return no(`the output layer must have ${output} units, got ${parts[last]}`);
  const hidden = parts.length - 2;
  if (hidden < minHidden || hidden > maxHidden) {
    const range = minHidden === maxHidden ? `${minHidden}` : `${minHidden} to ${maxHidden}`;
    return no(`expected ${range} hidden layers between input and output, got ${hidden}`);
  }
  for (let i = 1; i < last; i++) {
    const n = sizes[i] as number;
    if (n < minUnits) return no(`${layer(i)} has ${parts[i]} units, at least ${minUnits}`);
    if (n > maxUnits) return no(`${layer(i)} has ${parts[i]} units, at most ${maxUnits}`);
  }
  return { ok: true, sizes };
}
