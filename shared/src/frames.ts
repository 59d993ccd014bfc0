/**
 * Frames: the plain, tensor-free data a probe reads off a model. Each frame belongs to one channel,
 * carries the model generation and the step it describes, and holds named typed arrays.
 *
 * Channels (what a viewer can subscribe to):
 *  - metrics: the recent loss history. fields `step` (f64 [n]), `loss` (f32 [n]); the newest frame holds
 *    the last ≤ 256 points so a dropped (volatile) frame loses nothing the next one does not repeat.
 *  - params:  the parameter vector θ (f32 [p]) and its gradient `grad` (f32 [p]); meta.names = "w,b".
 *  - surface: a loss surface over a 2-D grid. field `z` (quantised [ny, nx]), meta xMin/xMax/yMin/yMax,
 *    xLabel/yLabel, kind ("exact" for 2-parameter models).
 *  - path:    the optimizer trajectory in surface coordinates. `xy` (f32 [n, 2]) and `loss` (f32 [n]).
 *  - data:    the training set for 1-D regression: `x` (f32 [n]), `y` (f32 [n]).
 *  - fit:     the model's prediction curve: `x` (f32 [k]), `y` (f32 [k]).
 *  - panels:  a demo lesson's computed views (non-training lessons): named arrays plus meta.layout, a JSON list
 *    of panels saying how to draw them (see DemoPanel in lessons.ts).
 *  - landscape: a loss-landscape slice of a network with more than two parameters, through its current weights θ:
 *    `z` (q16 [n, n]), the loss over the plane θ + α·d₁ + β·d₂, row-major, z[j·n + i] at α_i = linspace(xMin,
 *    xMax, n), β_j = linspace(yMin, yMax, n) (non-finite → NaN); `path` (f32 [k, 4]), the recent trajectory
 *    projected onto the plane, oldest first, rows (α, β, loss, distance): the point's true loss (not the plane's)
 *    and its distance from the plane in the same units (the last row is the newest snapshot of θ: 0, 0, L(θ), 0 right
 *    after a slice through it); optional `others` (f32 [m, 5]), other comparison runs' points on the plane, rows
 *    (run, α, β, loss, distance) with run an index into meta.runs; optional `velocity` (f32 [2]), the optimizer's
 *    velocity at θ in (α, β) units (momentum, RMSprop, Adam: the mean update per step between two snapshots).
 *    meta: kind ("random" | "trajectory" | "runs"), xLabel "α", yLabel "β", xMin/xMax/yMin/yMax, resolution (n:
 *    9, 17 or 33; slices refine coarse to fine, each replacing the last), samples (probe batch size), optional
 *    explained ("0.71|0.18": each direction's share of the trajectory's variance, trajectory planes), optional run
 *    (the comparison run whose path is `path`), optional runs (every run's label, '|'-separated), live (while
 *    running). Made only while watched; newest wins.
 * New channels are appended: a channel's wire id is its index + 1.
 */
export const CHANNELS = ['metrics', 'params', 'surface', 'path', 'data', 'fit', 'panels', 'landscape'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Wire ids of the channels (index + 1, so 0 never names a channel). */
export function channelId(channel: Channel): number {
  return CHANNELS.indexOf(channel) + 1;
}
export function channelFromId(id: number): Channel | undefined {
  return CHANNELS[id - 1];
}
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/**
 * Storage type of a field on the wire.
 *  - f32/f64/i32/u8: raw little-endian values;
 *  - q16: quantised float. Stored as u16 v with x = min + v·(max − min)/65534; v = 65535 encodes a non-finite
 *    value (decoded as NaN). Used for surfaces, where 1/65534 of the range is below what can be seen.
 *  - q8: the same with u8 (x = min + v·(max − min)/254, 255 = non-finite): images and weight tiles drawn through
 *    a colour map, where 254 levels are as many as a screen shows and the frame is half the size of q16.
 */
export type DType = 'f32' | 'f64' | 'i32' | 'u8' | 'q16' | 'q8';

export type NumericArray = Float32Array | Float64Array | Int32Array | Uint8Array;

export interface Field {
  dtype: DType;
  /** Row-major shape; the product equals data.length. */
  dims: number[];
  /** Values. For q16 and q8 this is the float data before quantisation (encode) or after (decode): Float32Array. */
  data: NumericArray;
}

export type Meta = Record<string, number | string | boolean>;

export interface Frame {
  channel: Channel;
  /** Model generation: bumped when the run is rebuilt, reset or reverted. Viewers drop older ones. */
  generation: number;
  /** Optimizer step the frame describes (number of updates applied so far). */
  step: number;
  meta: Meta;
  fields: Record<string, Field>;
}

/** Frame as it travels inside the server: the header the room needs plus the encoded bytes. */
export interface EncodedFrame {
  channel: Channel;
  generation: number;
  step: number;
  bytes: ArrayBuffer;
  /**
   * Send reliably instead of volatile. Set on frames that are not repeated: static channels (surface, data),
   * and a whole-history metrics frame after a reset or revert. Newest-wins only works for frames that recur.
   */
  reliable: boolean;
}

export function field(dtype: DType, data: NumericArray, dims: number[] = [data.length]): Field {
  return { dtype, dims, data };
}
