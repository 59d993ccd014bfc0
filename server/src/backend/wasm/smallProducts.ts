/**
 * The products of a small dense layer as JS loops (dense.ts's SMALL_PRODUCT path): below a few thousand
 * multiply-adds XNNPACK's call overhead costs more than the arithmetic.
 *
 * Each output is one sum accumulated in float64 in a fixed order (over the shared index ascending, starting
 * from the bias where there is one) and rounded once when stored, whatever the unrolling: four outputs are
 * computed together so each input load serves four sums, over whichever axis is at least four long (the spiral
 * lessons' layers are 2 → 100 and 100 → 3). Measured on a 20 × 100 × 3 layer: dW 8.9 → 3.7 µs; 20 × 2 × 100:
 * forward 4.7 → 3.3 µs, dW 5.3 → 1.5 µs.
 */

/** z [n·m] = x [n, k]·W [k, m] + b [m], in float64 (the caller applies the activation and rounds). */
export function productBias(xv: Float32Array, Wv: Float32Array, bv: Float32Array, z: Float64Array, n: number, k: number, m: number): void {
  const m4 = m - (m % 4);
  for (let i = 0; i < n; i++) {
    const xo = i * k;
    const zo = i * m;
    let j = 0;
    for (; j < m4; j += 4) {
      let z0 = bv[j] as number;
      let z1 = bv[j + 1] as number;
      let z2 = bv[j + 2] as number;
      let z3 = bv[j + 3] as number;
      for (let c = 0; c < k; c++) {
        const xc = xv[xo + c] as number;
        const r = c * m + j;
        z0 += xc * (Wv[r] as number);
        z1 += xc * (Wv[r + 1] as number);
        z2 += xc * (Wv[r + 2] as number);
        z3 += xc * (Wv[r + 3] as number);
      }
      z[zo + j] = z0;
      z[zo + j + 1] = z1;
      z[zo + j + 2] = z2;
      z[zo + j + 3] = z3;
    }
    for (; j < m; j++) {
      let s = bv[j] as number;
      for (let c = 0; c < k; c++) s += (xv[xo + c] as number) * (Wv[c * m + j] as number);
      z[zo + j] = s;
    }
  }
}

/** y = act(z), rounded to float32 once; one loop per activation (a call through a table per value costs). */
export function applyActivation(z: Float64Array | Float32Array, y: Float32Array, activation: 'linear' | 'relu' | 'sigmoid' | 'tanh'): void {
  const n = z.length;
  switch (activation) {
    case 'linear':
      for (let i = 0; i < n; i++) y[i] = z[i] as number;
      return;
    case 'relu':
      for (let i = 0; i < n; i++) y[i] = Math.max(z[i] as number, 0);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-(z[i] as number)));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) y[i] = Math.tanh(z[i] as number);
      return;
  }
}

/** dW [k, m] = xᵀ [k, n]·dz [n, m]. */
export function productXtDz(xv: Float32Array, zv: Float32Array, dW: Float32Array, n: number, k: number, m: number): void {
  if (m >= 4) {
    // Four columns of dW at once: the four dz values of a row are adjacent.
    const m4 = m - (m % 4);
    for (let c = 0; c < k; c++) {
      let j = 0;
      for (; j < m4; j += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let i = 0; i < n; i++) {
          const xi = xv[i * k + c] as number;
          const zo = i * m + j;
          s0 += xi * (zv[zo] as number);
          s1 += xi * (zv[zo + 1] as number);
          s2 += xi * (zv[zo + 2] as number);
          s3 += xi * (zv[zo + 3] as number);
        }
        const r = c * m + j;
        dW[r] = s0;
        dW[r + 1] = s1;
        dW[r + 2] = s2;
        dW[r + 3] = s3;
      }
      for (; j < m; j++) dW[c * m + j] = columnDot(xv, zv, n, k, m, c, j);
    }
    return;
  }
  // Few outputs (logits): four rows of dW at once, sharing each dz load.
  const k4 = k - (k % 4);
  let c = 0;
  for (; c < k4; c += 4) {
    for (let j = 0; j < m; j++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const zi = zv[i * m + j] as number;
        const xo = i * k + c;
        s0 += (xv[xo] as number) * zi;
        s1 += (xv[xo + 1] as number) * zi;
        s2 += (xv[xo + 2] as number) * zi;
        s3 += (xv[xo + 3] as number) * zi;
      }
      dW[c * m + j] = s0;
      dW[(c + 1) * m + j] = s1;
      dW[(c + 2) * m + j] = s2;
      dW[(c + 3) * m + j] = s3;
    }
  }
  for (; c < k; c++) for (let j = 0; j < m; j++) dW[c * m + j] = columnDot(xv, zv, n, k, m, c, j);
}

/** Σ_i x[i, c]·dz[i, j]. */
function columnDot(xv: Float32Array, zv: Float32Array, n: number, k: number, m: number, c: number, j: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (xv[i * k + c] as number) * (zv[i * m + j] as number);
  return s;
}

/** db [m] = Σ_rows dz [n, m]. */
export function columnSums(zv: Float32Array, db: Float32Array, n: number, m: number): void {
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += zv[i * m + j] as number;
    db[j] = s;
  }
}

/** dx [n, k] = dz [n, m]·Wᵀ [m, k]; four inputs at once, sharing each dz load. */
export function productDzWt(zv: Float32Array, Wv: Float32Array, dx: Float32Array, n: number, k: number, m: number): void {
  const k4 = k - (k % 4);
  for (let i = 0; i < n; i++) {
    const zo = i * m;
    let c = 0;
    for (; c < k4; c += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const r = c * m;
      for (let j = 0; j < m; j++) {
        const d = zv[zo + j] as number;
        s0 += d * (Wv[r + j] as number);
        s1 += d * (Wv[r + m + j] as number);
        s2 += d * (Wv[r + 2 * m + j] as number);
        s3 += d * (Wv[r + 3 * m + j] as number);
      }
      dx[i * k + c] = s0;
      dx[i * k + c + 1] = s1;
      dx[i * k + c + 2] = s2;
      dx[i * k + c + 3] = s3;
    }
    for (; c < k; c++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += (zv[zo + j] as number) * (Wv[c * m + j] as number);
      dx[i * k + c] = s;
    }
  }
}
