/**
 * out = a + α·b + β·c elementwise, summed in float64 and rounded once to float32: a point θ + α·d₁ + β·d₂ of a plane
 * of parameter space, or a first layer's output P₀ + α·P₁ + β·P₂ at a grid point (slice.ts). In a JS loop: on wasm
 * this takes ~0.1 ms for 100,000 values where the four tensor ops took ~2 ms, and the result is uploaded once.
 *
 * combineTail also applies the ops that follow the first layer when they are elementwise or a max pool (an
 * activation, then a max pool: an MLP's tanh or ReLU, a CNN's ReLU and 2×2 pool), in the same pass: each
 * combined value is rounded to float32 first, as the layer's output tensor would be, then activated as the wasm
 * kernels do (backend/wasm/tanh.ts's tanh; ReLU and the max exactly), so the ops' results are unchanged
 * while their kernel calls and passes over memory go (for a CNN, the pool leaves a quarter of the values to upload).
 */
import { tanhOf } from '../../backend/wasm/tanh.ts';
import type { Activation } from '../../train/model.ts';

export function combine(out: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array, alpha: number, beta: number): Float32Array {
  const n = out.length;
  if (a.length !== n || b.length !== n || c.length !== n) throw new Error(`combine: lengths ${a.length}, ${b.length}, ${c.length} for ${n}`);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) + alpha * (b[i] as number) + beta * (c[i] as number);
  return out;
}

/** Max pooling of NHWC images [n, h, w, ch] over size×size windows every `stride`, no padding (train/model.ts maxPool). */
export interface PoolShape {
  n: number;
  h: number;
  w: number;
  ch: number;
  size: number;
  stride: number;
}

/** What combineTail applies after combining: an activation (identity: none), then optionally a max pool. */
export interface Tail {
  activation: Activation;
  pool: PoolShape | null;
}

/** Values out of a tail over `size` combined values: the pooled image size, or `size` itself. */
export function tailSize(size: number, tail: Tail): number {
  const p = tail.pool;
  return p ? p.n * pooledSide(p.h, p) * pooledSide(p.w, p) * p.ch : size;
}

const pooledSide = (side: number, p: PoolShape): number => Math.floor((side - p.size) / p.stride) + 1;

/**
 * out = tail(a + α·b + β·c): combine, then the tail's activation and pool; out has tailSize(a.length) values.
 * With a pool, `scratch` (a.length values) holds the activated values between the two passes (two tight loops
 * ran ~5× faster than one pass calling the activation per value inside the window loops).
 */
export function combineTail(out: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array, alpha: number, beta: number, tail: Tail, scratch?: Float32Array): Float32Array {
  const p = tail.pool;
  if (p && p.size === 2 && p.stride === 2 && (tail.activation === 'relu' || tail.activation === 'identity')) return combinePool2(out, a, b, c, alpha, beta, p, tail.activation === 'relu');
  if (p) {
    if (!scratch) throw new Error('combineTail: a pool needs scratch');
    maxPoolInto(out, combineTail(scratch, a, b, c, alpha, beta, { activation: tail.activation, pool: null }), p);
    return out;
  }
  if (tail.activation === 'identity') return combine(out, a, b, c, alpha, beta);
  const n = out.length;
  if (a.length !== n || b.length !== n || c.length !== n) throw new Error(`combineTail: lengths ${a.length}, ${b.length}, ${c.length} for ${n}`);
  // One loop per activation keeps each monomorphic (a call through a closure per value costs ~2 ns).
  const f = Math.fround;
  if (tail.activation === 'relu') for (let i = 0; i < n; i++) out[i] = Math.max(f((a[i] as number) + alpha * (b[i] as number) + beta * (c[i] as number)), 0);
  else if (tail.activation === 'tanh') for (let i = 0; i < n; i++) out[i] = tanhOf(f((a[i] as number) + alpha * (b[i] as number) + beta * (c[i] as number)));
  else for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-f((a[i] as number) + alpha * (b[i] as number) + beta * (c[i] as number))));
  return out;
}

/**
 * A CNN's usual tail (ReLU or none, then a 2×2 pool, stride 2) in one pass: each window's four combined values,
 * their maximum, then ReLU. ReLU is nondecreasing, so ReLU of the maximum is the maximum of the ReLUs exactly
 * (tfjs's order), at a quarter of the work; ReLU as (m + |m|)/2, exact and branch-free (signs are random).
 */
function combinePool2(out: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array, alpha: number, beta: number, p: PoolShape, relu: boolean): Float32Array {
  const { n, h, w, ch } = p;
  const [oh, ow] = [pooledSide(h, p), pooledSide(w, p)];
  if (a.length !== n * h * w * ch || b.length !== a.length || c.length !== a.length || out.length !== n * oh * ow * ch) {
    throw new Error(`combineTail: ${a.length} → ${out.length} values for [${n}, ${h}, ${w}, ${ch}] pooled 2×2`);
  }
  const f = Math.fround;
  const v = (i: number): number => f((a[i] as number) + alpha * (b[i] as number) + beta * (c[i] as number));
  let o = 0;
  for (let img = 0; img < n; img++) {
    for (let y = 0; y < oh; y++) {
      for (let xo = 0; xo < ow; xo++) {
        const i0 = ((img * h + 2 * y) * w + 2 * xo) * ch;
        const [i1, i2] = [i0 + ch, i0 + w * ch];
        const i3 = i2 + ch;
        for (let k = 0; k < ch; k++, o++) {
          const m = Math.max(v(i0 + k), v(i1 + k), v(i2 + k), v(i3 + k));
          out[o] = relu ? (m + Math.abs(m)) * 0.5 : m;
        }
      }
    }
  }
  return out;
}

/** out = max pool of x (NHWC, p's shape): each window's maximum per channel, as tfjs's maxPool (NaN propagates). */
export function maxPoolInto(out: Float32Array, x: Float32Array, p: PoolShape): Float32Array {
  const { n, h, w, ch, size, stride } = p;
  const [oh, ow] = [pooledSide(h, p), pooledSide(w, p)];
  if (x.length !== n * h * w * ch || out.length !== n * oh * ow * ch) throw new Error(`maxPoolInto: ${x.length} → ${out.length} values for [${n}, ${h}, ${w}, ${ch}]`);
  let o = 0;
  for (let img = 0; img < n; img++) {
    for (let y = 0; y < oh; y++) {
      for (let xo = 0; xo < ow; xo++, o += ch) {
        const corner = ((img * h + y * stride) * w + xo * stride) * ch;
        // The window's first pixel, then the rest, channel by channel (channels are contiguous in NHWC).
        for (let k = 0; k < ch; k++) out[o + k] = x[corner + k] as number;
        for (let dy = 0; dy < size; dy++) {
          for (let dx = dy === 0 ? 1 : 0; dx < size; dx++) {
            const at = corner + (dy * w + dx) * ch;
            for (let k = 0; k < ch; k++) out[o + k] = Math.max(out[o + k] as number, x[at + k] as number);
          }
        }
      }
    }
  }
  return out;
}
