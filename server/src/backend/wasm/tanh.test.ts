import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tanhInto } from './tanh.ts';
import { createRng, gradsOf, leaks, randn, relErr, useCpu, useWasm } from './testKit.ts';

// The Tanh fill-in (tanh.ts): float32 values within 1 ulp of the cpu backend's (and of fround(Math.tanh)), its
// gradient (tfjs-core's, from the output) as on cpu, edge values kept, no leak.

/** Distance in float32 ulps (same-sign values; ±0 are 0 apart). */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const bits = new Int32Array(new Float32Array([a, b]).buffer);
  if ((a < 0) !== (b < 0) && a !== 0 && b !== 0) return Infinity;
  return Math.abs(Math.abs(bits[0] as number) - Math.abs(bits[1] as number)) % 0x80000000;
}

const rng = createRng(43);
/** Every scale tanh sees: normal activations, saturated ones, tiny ones, and the clamp's neighbourhood. */
const SWEEP = Float32Array.from([
  ...randn(rng, [4000], 2),
  ...randn(rng, [500], 1e-3),
  ...randn(rng, [500], 1e-8),
  ...Array.from({ length: 400 }, (_, i) => -20 + i / 10),
  0,
  -0,
  1e-30,
  -1e-45,
  9.01,
  -9.01,
  19.99,
  20,
  20.01,
  88,
  -1e30,
  Infinity,
  -Infinity,
  NaN,
]);

describe('Tanh fill-in on wasm vs cpu', () => {
  let cpu: { value: Float32Array; grads: Float32Array[] };
  const weights = randn(rng, [SWEEP.length]);
  const f = (x: tf.Tensor) => tf.tanh(x);
  const finite = Float32Array.from(SWEEP, (v) => (Number.isFinite(v) ? v : 0));

  beforeAll(async () => {
    await useCpu();
    cpu = gradsOf(f, [{ values: finite, shape: [finite.length] }], weights);
    await useWasm();
  });

  it('is within 1 ulp of cpu and of fround(Math.tanh) everywhere, signs, ±0, saturation and NaN kept', () => {
    const t = tf.tidy(() => tf.tanh(tf.tensor(SWEEP)));
    const got = t.dataSync() as Float32Array;
    t.dispose();
    let worst = 0;
    got.forEach((v, i) => (worst = Math.max(worst, ulps(v, Math.fround(Math.tanh(SWEEP[i] as number))))));
    expect(worst).toBeLessThanOrEqual(1);
    const wasm = gradsOf(f, [{ values: finite, shape: [finite.length] }], weights);
    wasm.value.forEach((v, i) => expect(ulps(v, cpu.value[i] as number), `tanh(${finite[i]})`).toBeLessThanOrEqual(1));
    // The tail of SWEEP: −0 (13th from the end) stays −0; ±Infinity give ±1, NaN stays NaN.
    expect(Object.is(got.at(-13), -0)).toBe(true);
    expect([got.at(-3), got.at(-2), Number.isNaN(got.at(-1) as number)]).toEqual([1, -1, true]);
    expect(relErr(wasm.grads[0] as Float32Array, cpu.grads[0] as Float32Array)).toBeLessThan(1e-6);
  });

  it('agrees with fround(Math.tanh) on a million values, differing by 1 ulp on a few float64 near-ties at most', () => {
    const x = Float32Array.from({ length: 1_000_000 }, (_, i) => (i - 500_000) * 2e-5 * (i % 3 === 0 ? 1e-3 : 1));
    const out = new Float32Array(x.length);
    tanhInto(out, x);
    let [off, worst] = [0, 0];
    out.forEach((v, i) => {
      const d = ulps(v, Math.fround(Math.tanh(x[i] as number)));
      worst = Math.max(worst, d);
      off += d;
    });
    expect(worst).toBeLessThanOrEqual(1);
    expect(off).toBeLessThan(x.length * 1e-3);
  });

  it('leaks nothing', () => {
    expect(leaks(() => tf.tidy(() => tf.tanh(tf.tensor(SWEEP))).dispose())).toEqual({ tensors: 0, dataIds: 0 });
  });
});
