import { describe, expect, it } from 'vitest';
import { columnSums, productBias, productDzWt, productXtDz } from './smallProducts.ts';
import { createRng, randn } from './testKit.ts';

// The unrolled small products against the plain triple loops they replace (one float64 sum per output, in
// ascending order of the shared index, bias first): the values must be bit-identical, on shapes whose lengths
// are and are not multiples of four and below four (the unrolled loops' tails).

const rng = createRng(91);
const SHAPES: Array<[number, number, number]> = [
  [20, 2, 100],
  [20, 100, 3],
  [20, 50, 3],
  [1, 1, 1],
  [60, 1, 1],
  [7, 5, 6],
  [3, 9, 13],
  [4, 4, 4],
];

function naive(x: Float32Array, W: Float32Array, b: Float32Array, dz: Float32Array, n: number, k: number, m: number) {
  const z = new Float64Array(n * m);
  const dW = new Float32Array(k * m);
  const db = new Float32Array(m);
  const dx = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = b[j] as number;
      for (let c = 0; c < k; c++) s += (x[i * k + c] as number) * (W[c * m + j] as number);
      z[i * m + j] = s;
    }
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (x[i * k + c] as number) * (dz[i * m + j] as number);
      dW[c * m + j] = s;
    }
  }
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += dz[i * m + j] as number;
    db[j] = s;
  }
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += (dz[i * m + j] as number) * (W[c * m + j] as number);
      dx[i * k + c] = s;
    }
  }
  return { z, dW, db, dx };
}

describe('small dense products, unrolled', () => {
  it.each(SHAPES.map((s) => [s.join('×'), s] as const))('%s: bit-identical to the plain loops', (_name, [n, k, m]) => {
    const x = randn(rng, [n, k]);
    const W = randn(rng, [k, m]);
    const b = randn(rng, [m]);
    const dz = randn(rng, [n, m]);
    const want = naive(x, W, b, dz, n, k, m);
    const z = new Float64Array(n * m);
    const dW = new Float32Array(k * m);
    const db = new Float32Array(m);
    const dx = new Float32Array(n * k);
    productBias(x, W, b, z, n, k, m);
    productXtDz(x, dz, dW, n, k, m);
    columnSums(dz, db, n, m);
    productDzWt(dz, W, dx, n, k, m);
    expect(z).toEqual(want.z);
    expect(dW).toEqual(want.dW);
    expect(db).toEqual(want.db);
    expect(dx).toEqual(want.dx);
  });
});
