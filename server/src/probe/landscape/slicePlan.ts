/**
 * How a slice's grid points are evaluated: L(θc + α·d₁ + β·d₂) on the probe batch in evaluation mode, for a
 * list of (α, β), in one of up to four ways (SliceWay), all the same maths:
 * - from the input, point by point: one full forward pass per point, the parameters set to θc + α·d₁ + β·d₂ (the
 *   naive baseline, and how Li et al.'s code works);
 * - from the first layer's output ('first'): that layer is linear in its weights and bias, so its output at a
 *   point is P₀ + α·P₁ + β·P₂, with P₀, P₁, P₂ the layer applied to the probe batch with the (W, b) of θc, d₁
 *   and d₂: three products per slice instead of one per point, and each point runs only the layers after it.
 *   That is most of an MNIST MLP's arithmetic (a dense 784→h first layer), part of a CNN's (conv1), and a loss
 *   when the first layer has 2 inputs: forming its output costs more than recomputing it;
 * - either of those batched: P points at once through dense layers (batchedOps.ts), which saves the per-call
 *   overhead that is most of a point on the small nets; a conv with a different kernel per point has no batched
 *   kernel, so CNNs go point by point. On wasm a product over parameter sets is one XNNPACK call per set, each
 *   packing its set's weights (measured: [8, 1000, 10]·[8, 10, 10] took 10.5 ms, 1.3 ms a set, where a dense
 *   layer of one point takes ~0.1 ms), so there only passes without a dense layer are batched, which leaves
 *   none of the lessons' nets: on wasm they all go point by point. Other backends measure (slice.ts).
 * A point's parameters (and first-layer output) are combined in JS (combine.ts) and uploaded once; the activation and
 * max pool right after the first layer are applied in that same JS pass (combineTail), and every point's loss is
 * taken in JS from the output rows (rowLoss.ts; a net whose first layer is its only one needs no upload at all).
 * Measured on ch08-06 (784→100→200→100→10, tanh, 1,000 rows, wasm): tanh was half a point's time (fixed by
 * backend/wasm/tanh.ts), the loss kernel's unneeded gradient ~1 ms, the three products ~3.4 ms. For the CNNs the
 * shared conv1 barely pays on wasm: combining its 4 million outputs in JS costs about what conv1, ReLU and the pool
 * cost natively, and conv2 is ~90 % of the arithmetic (slice.ts's trials then keep whichever is faster).
 *
 * Nothing here assigns a variable: training may step between two passes. The batch-norm running statistics are
 * copied when the plan is made, so every point of a slice sees the same network.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type EvalOp, firstLinearOp, runOps } from '../../train/evalOps.ts';
import { type LandscapeSource, probeTensors } from '../../train/landscapeSource.ts';
import { batchedHeadLoss, canBatch, runBatched } from './batchedOps.ts';
import { combine, combineTail, type Tail, tailSize } from './combine.ts';
import type { Plane } from './project.ts';
import { rowLoss } from './rowLoss.ts';

/** Where a point's pass starts, and how many points go through the net together (1: point by point). */
export interface SliceWay {
  from: 'first' | 'input';
  batch: number;
}

export const NAIVE: SliceWay = { from: 'input', batch: 1 };

/** Largest activation a batched pass may hold, in values (16 MB of float32): bounds a way's batch. */
const MAX_BATCH_VALUES = 1 << 22;
/** Most grid points in one batched pass. */
const MAX_BATCH = 128;

/** A parameter's values at θc, d₁, d₂, and scratch for a pass's combined values [points·size]. */
interface Combined {
  index: number;
  shape: number[];
  theta: Float32Array;
  d1: Float32Array;
  d2: Float32Array;
  /** Reused only after the tensors made from it are disposed (cpu's tensors keep the array they are given). */
  buffer: Float32Array;
}

/** The first layer's output at θc, d₁, d₂ ([N, …] each) and scratch for a pass's combined outputs. */
interface FirstProducts {
  p0: Float32Array;
  p1: Float32Array;
  p2: Float32Array;
  shape: number[];
  buffer: Float32Array;
  /**
   * Point by point, the ops right after the first layer that combineTail applies in its pass (an activation,
   * then a max pool), how many of them, the shape they leave and scratch for it.
   */
  tail: Tail;
  tailOps: number;
  tailShape: number[];
  tailBuffer: Float32Array;
}

export class SlicePlan {
  /** The ways this net allows, naive first, each batched way with the most points that fit. */
  readonly ways: SliceWay[];
  private readonly x: tf.Tensor;
  private readonly y: tf.Tensor;
  private readonly ops: EvalOp[];
  private readonly stats: tf.Tensor[] = [];
  private readonly firstOp: number;
  private readonly combined = new Map<number, Combined>();
  private first: FirstProducts | null = null;

  constructor(
    private readonly source: LandscapeSource,
    private readonly plane: Plane,
  ) {
    // Running statistics as they are now: training may update the variables between two passes.
    this.ops = source.ops.map((op): EvalOp => {
      if (op.kind !== 'batchNorm') return op;
      const [mean, variance] = [tf.clone(op.mean), tf.clone(op.variance)];
      this.stats.push(mean, variance);
      return { ...op, mean, variance };
    });
    ({ x: this.x, y: this.y } = probeTensors(source.probe()));
    this.firstOp = firstLinearOp(this.ops);
    const ways: SliceWay[] = [NAIVE];
    const n = this.x.shape[0] as number;
    const widest = Math.max(...this.ops.map((op) => (op.kind === 'dense' ? (this.shape(op.W)[1] as number) : 0)));
    const fit = Math.min(MAX_BATCH, Math.floor(MAX_BATCH_VALUES / Math.max(1, n * widest)));
    // Batched dense layers only where products over parameter sets are not one kernel call per set (see above).
    const batchable = (start: number): boolean =>
      fit >= 2 && canBatch(this.ops, start) && (tf.getBackend() !== 'wasm' || !this.ops.slice(start).some((op) => op.kind === 'dense'));
    if (this.firstOp >= 0) ways.push({ from: 'first', batch: 1 });
    // (A net whose first layer is its only one has its loss taken in JS: nothing to batch.)
    const rest = this.firstOp + 1;
    if (this.firstOp >= 0 && rest < this.ops.length && this.ops[this.firstOp]?.kind === 'dense' && batchable(rest)) ways.push({ from: 'first', batch: fit });
    if (batchable(0)) ways.push({ from: 'input', batch: fit });
    this.ways = ways;
  }

  /** Makes now what `way` needs before its first point (the first layer's products), so no timing of it counts them. */
  prepare(way: SliceWay): void {
    if (way.from === 'first') this.firstProducts();
  }

  /** Whether the net allows `way` (its batch at most what fits). */
  allows(way: SliceWay): boolean {
    return this.ways.some((w) => w.from === way.from && (w.batch > 1) === (way.batch > 1) && way.batch <= w.batch);
  }

  /** Each point's loss, points given as (α, β) pairs; `way.batch` bounds the points per pass. */
  losses(way: SliceWay, alphas: ArrayLike<number>, betas: ArrayLike<number>): Float32Array {
    const out = new Float32Array(alphas.length);
    for (let at = 0; at < alphas.length; at += way.batch) {
      const count = Math.min(way.batch, alphas.length - at);
      const a = Array.from({ length: count }, (_, i) => alphas[at + i] as number);
      const b = Array.from({ length: count }, (_, i) => betas[at + i] as number);
      if (way.batch > 1) out.set(this.batched(way.from, a, b), at);
      else out[at] = this.single(way.from, a[0] as number, b[0] as number);
    }
    return out;
  }

  /** Frees the plan's tensors (the probe batch and the statistics copies). */
  dispose(): void {
    tf.dispose([this.x, this.y, ...this.stats]);
  }

  private shape(index: number): number[] {
    return (this.source.params[index] as { variable: tf.Variable }).variable.shape;
  }

  /** Where the pass starts in `ops` for a way from 'first' or 'input'. */
  private start(from: SliceWay['from']): number {
    return from === 'first' ? this.firstOp + 1 : 0;
  }

  /** The parameters ops[start…] read, with their θc, d₁, d₂ (made once per parameter). */
  private paramsFrom(start: number): Combined[] {
    const read = new Set<number>();
    for (const op of this.ops.slice(start)) {
      if (op.kind === 'dense' || op.kind === 'conv') read.add(op.W).add(op.b);
      if (op.kind === 'batchNorm') read.add(op.gamma).add(op.beta);
    }
    return [...read]
      .sort((a, b) => a - b)
      .map((index) => {
        let c = this.combined.get(index);
        if (!c) {
          const theta = this.plane.centre[index] as Float32Array;
          const [d1, d2] = [this.plane.d1[index] as Float32Array, this.plane.d2[index] as Float32Array];
          c = { index, shape: this.shape(index), theta, d1, d2, buffer: new Float32Array(theta.length) };
          this.combined.set(index, c);
        }
        return c;
      });
  }

  /** P₀, P₁, P₂: the first layer alone (not fused with its activation) at θc's, d₁'s and d₂'s (W, b), once. */
  private firstProducts(): FirstProducts {
    if (this.first) return this.first;
    const op = this.ops[this.firstOp] as EvalOp & { W: number; b: number };
    const input = tf.tidy(() => runOps(this.ops.slice(0, this.firstOp), this.x, []));
    const product = (at: readonly Float32Array[]): tf.Tensor =>
      tf.tidy(() => {
        const values: tf.Tensor[] = [];
        values[op.W] = tf.tensor(at[op.W] as Float32Array, this.shape(op.W));
        values[op.b] = tf.tensor(at[op.b] as Float32Array, this.shape(op.b));
        return runOps([op], input, values);
      });
    const products = [product(this.plane.centre), product(this.plane.d1), product(this.plane.d2)];
    // Read outside any tidy (a typed array returned from one is walked element by element).
    const [p0, p1, p2] = products.map((t) => Float32Array.from(t.dataSync() as Float32Array)) as [Float32Array, Float32Array, Float32Array];
    const shape = (products[0] as tf.Tensor).shape;
    const { tail, tailOps, tailShape } = tailAfter(this.ops, this.firstOp, shape);
    const tailBuffer = new Float32Array(tailSize(p0.length, tail));
    this.first = { p0, p1, p2, shape, buffer: new Float32Array(p0.length), tail, tailOps, tailShape, tailBuffer };
    if (input !== this.x) input.dispose();
    tf.dispose(products);
    return this.first;
  }

  /**
   * One point's loss, one pass from the input or from the first layer's output (combined with the ops combineTail
   * takes over in the same JS pass). The loss is taken in JS from the output's rows (rowLoss.ts: the training
   * loss's formula in float64; on wasm the loss kernel also computes the gradient, ~1 ms a point for 1,000 × 10).
   */
  private single(from: SliceWay['from'], alpha: number, beta: number): number {
    const f = from === 'first' ? this.firstProducts() : null;
    const start = f ? this.firstOp + 1 + f.tailOps : 0;
    const params = this.paramsFrom(start);
    const head = this.source.head;
    const y = this.source.probe().y;
    if (f && start === this.ops.length) {
      // The first layer (and its tail) was the last: its output is the net's.
      const out = combineTail(f.tailBuffer, f.p0, f.p1, f.p2, alpha, beta, f.tail, f.buffer);
      return rowLoss(head, out, f.tailShape.at(-1) as number, y);
    }
    const out = tf.tidy(() => {
      const values: tf.Tensor[] = [];
      for (const c of params) values[c.index] = tf.tensor(combine(c.buffer.subarray(0, c.theta.length), c.theta, c.d1, c.d2, alpha, beta), c.shape);
      const input = f ? tf.tensor(combineTail(f.tailBuffer, f.p0, f.p1, f.p2, alpha, beta, f.tail, f.buffer), f.tailShape) : this.x;
      return runOps(this.ops, input, values, start);
    });
    const rows = out.dataSync() as Float32Array;
    const value = rowLoss(head, rows, out.shape.at(-1) as number, y);
    out.dispose();
    return value;
  }

  /** Points (alphas[i], betas[i]) through dense layers at once: h [P, N, F], parameters [P, …shape]. */
  private batched(from: SliceWay['from'], alphas: number[], betas: number[]): Float32Array {
    const P = alphas.length;
    const start = this.start(from);
    const params = this.paramsFrom(start);
    for (const c of params) if (c.buffer.length < P * c.theta.length) c.buffer = new Float32Array(P * c.theta.length);
    const f = from === 'first' ? this.firstProducts() : null;
    const size = f?.p0.length ?? 0;
    if (f && f.buffer.length < P * size) f.buffer = new Float32Array(P * size);
    alphas.forEach((alpha, i) => {
      const beta = betas[i] as number;
      if (f) combine(f.buffer.subarray(i * size, (i + 1) * size), f.p0, f.p1, f.p2, alpha, beta);
      for (const c of params) combine(c.buffer.subarray(i * c.theta.length, (i + 1) * c.theta.length), c.theta, c.d1, c.d2, alpha, beta);
    });
    const losses = tf.tidy(() => {
      const values: tf.Tensor[] = [];
      for (const c of params) values[c.index] = tf.tensor(c.buffer.subarray(0, P * c.theta.length), [P, ...c.shape]);
      // From the input, the probe batch is one [1, N, in] that broadcasts against every point's weights.
      const h = f
        ? tf.tensor3d(f.buffer.subarray(0, P * size), [P, f.shape[0] as number, f.shape[1] as number])
        : tf.reshape(this.x, [1, ...this.x.shape]);
      return batchedHeadLoss(this.source.head, runBatched(this.ops, h as tf.Tensor3D, values, start), this.y);
    });
    const out = Float32Array.from(losses.dataSync() as Float32Array);
    losses.dispose();
    return out;
  }
}

/**
 * The ops after the first layer (ops[first]) that combineTail applies: an activation (not the sigmoid), then a max
 * pool of NHWC images; `shape` is the first layer's output shape. A batch norm, a sigmoid or anything else ends the
 * tail (its ops run as tensors).
 */
function tailAfter(ops: readonly EvalOp[], first: number, shape: readonly number[]): { tail: Tail; tailOps: number; tailShape: number[] } {
  const tail: Tail = { activation: 'identity', pool: null };
  let at = first + 1;
  let tailShape = [...shape];
  const act = ops[at];
  if (act?.kind === 'activation') {
    // wasm's sigmoid (XNNPACK, vectorised) beats a JS Math.exp per value: ch07-04's slice took 1.8× as long with
    // it in the tail. ReLU and tanh (backend/wasm/tanh.ts) are cheaper in the combining pass.
    if (act.activation === 'sigmoid') return { tail, tailOps: 0, tailShape };
    tail.activation = act.activation;
    at += 1;
  }
  const pool = ops[at];
  if (pool?.kind === 'maxPool' && shape.length === 4) {
    const [n, h, w, ch] = shape as [number, number, number, number];
    tail.pool = { n, h, w, ch, size: pool.size, stride: pool.stride };
    const side = (s: number) => Math.floor((s - pool.size) / pool.stride) + 1;
    tailShape = [n, side(h), side(w), ch];
    at += 1;
  }
  return { tail, tailOps: at - first - 1, tailShape };
}
