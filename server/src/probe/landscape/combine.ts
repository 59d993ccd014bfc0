/**
 * out = a + α·b + β·c elementwise, summed in float64 and rounded once to float32: a point θ + α·d₁ + β·d₂ of a plane
 * of parameter space, or a first layer's output P₀ + α·P₁ + β·P₂ at a grid point (slice.ts). In a JS loop: on wasm
 * this takes ~0.1 ms for 100,000 values where the four tensor ops took ~2 ms, and the result is uploaded once.
 */
export function combine(out: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array, alpha: number, beta: number): Float32Array {
  const n = out.length;
  if (a.length !== n || b.length !== n || c.length !== n) throw new Error(`combine: lengths ${a.length}, ${b.length}, ${c.length} for ${n}`);
  for (let i = 0; i < n; i++) out[i] = (a[i] as number) + alpha * (b[i] as number) + beta * (c[i] as number);
  return out;
}
