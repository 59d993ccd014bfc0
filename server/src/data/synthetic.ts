/**
 * The course's synthetic datasets (lessons.md, each chapter's "Data:" line), as plain typed arrays.
 *
 * The originals draw from PyTorch/NumPy streams that cannot be reproduced here, and several are unseeded; we draw
 * the same distributions from our seeded PRNG, so a seed always gives the same data. ε ~ N(0, 1).
 *
 * Grids: the course's `arange(a, b, 0.1)` points are computed from integers, x_i = (i + a·10)/10, which is the
 * correctly rounded decimal (no accumulated drift, and x = 0 is exactly 0); class thresholds are compared on the
 * integers, never on the floats (issue 6). linspace(a, b, n) is a + i·(b − a)/(n − 1), with both ends exact.
 *
 * Layout: x is row-major [n, xDim], y [n, yDim]; labels are class indices. Rows are in the course's order (often
 * class order; the loaders are not shuffled unless a lesson says so).
 */
import { createRng, type Rng } from './prng.ts';

/** Regression data. `f` is the noise-free target, same layout as y (for the true curve and check values). */
export interface Regression {
  n: number;
  xDim: number;
  yDim: number;
  x: Float32Array;
  y: Float32Array;
  f: Float32Array;
}

/** Classification data with integer labels in [0, classes). */
export interface Labelled {
  n: number;
  xDim: number;
  classes: number;
  x: Float32Array;
  labels: Int32Array;
}

export interface Split<T> {
  train: T;
  val: T;
}

/** Single-channel images [n, rows, cols] (NHWC with C = 1) in [0, 1]. */
export interface ImageSet {
  n: number;
  rows: number;
  cols: number;
  classes: number;
  images: Float32Array;
  labels: Int32Array;
}

/** x_i = (i + start10)/10 for i < n: the decimal grid start10/10, (start10 + 1)/10, … */
function decimalGrid(start10: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i + start10) / 10);
}

/** NumPy's linspace(a, b, n): a + i·step, the last point exactly b. */
function linspace(a: number, b: number, n: number): Float64Array {
  const step = (b - a) / (n - 1);
  return Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + i * step));
}

function regression1d(xs: Float64Array, f: (x: number) => number, noise: number, rng: Rng): Regression {
  const n = xs.length;
  const fv = Float32Array.from(xs, f);
  return {
    n,
    xDim: 1,
    yDim: 1,
    x: Float32Array.from(xs),
    y: Float32Array.from(xs, (x) => f(x) + noise * rng.normal()),
    f: fv,
  };
}

function labelled1d(xs: Float64Array, classOf: (i: number) => number, classes: number): Labelled {
  return {
    n: xs.length,
    xDim: 1,
    classes,
    x: Float32Array.from(xs),
    labels: Int32Array.from(xs, (_, i) => classOf(i)),
  };
}

// ——— chapters 1–4: regression ———

/** ch01-02 / aux Dataset.py: "a toy set of length 100 where every x = [2, 2] and every y = [1]". */
export function toyConstant(n = 100): Regression {
  return { n, xDim: 2, yDim: 1, x: new Float32Array(2 * n).fill(2), y: new Float32Array(n).fill(1), f: new Float32Array(n).fill(1) };
}

/**
 * ch02-01: "x = −3…3 step 0.1 (60 points, −3.0 to 2.9); y = −3x + 0.1ε. No seed."
 * Noise-free check values: mean(x²) = 3.001667, dL/dw = 2(w + 3)·mean(x²).
 */
export function slopeLine(seed: number, { noise = 0.1 } = {}): Regression {
  return regression1d(decimalGrid(-30, 60), (x) => -3 * x, noise, createRng(seed));
}

/**
 * ch02-03, ch03-01, ch03-02: "x as in ch02-01 (60 points); y = x − 1 + 0.1ε". Noise-free check: mean(x) = −0.05;
 * at (w, b) = (−15, −10): dL/dw = −95.1533, dL/db = −16.4. ch03-01's loader runs trained on the noise-free
 * y = x − 1 (issue 3): that is `f`.
 */
export function biasLine(seed: number, { noise = 0.1 } = {}): Regression {
  return regression1d(decimalGrid(-30, 60), (x) => x - 1, noise, createRng(seed));
}

/**
 * ch03-03: "x = −3…3 step 0.1 (60 points); true line f = −3x + 1. Training: y = f + ε, then outliers y[0] = 0
 * (at x = −3, where f = 10) and y[50…54] = 20 (x = 2.0…2.4). Validation: same x, independent ε, no outliers."
 * `outlierValue` replaces the 20 of y[50…54] (the lesson's "outlier values" option); y[0] stays 0.
 */
export function outlierLine(seed: number, { noise = 1, outliers = true, outlierValue = 20 } = {}): Split<Regression> {
  const rng = createRng(seed);
  const xs = decimalGrid(-30, 60);
  const f = (x: number) => -3 * x + 1;
  const train = regression1d(xs, f, noise, rng);
  if (outliers) {
    train.y[0] = 0;
    for (let i = 50; i < 55; i++) train.y[i] = outlierValue;
  }
  return { train, val: regression1d(xs, f, noise, rng) };
}

/** ch04-01 and ch04-02 inputs: "20 samples with x1 = x2 = −1…1 step 0.1" (−1.0 … 0.9). */
function collinearInputs(rng: Rng, decorrelate: boolean): Float32Array {
  const xs = decimalGrid(-10, 20);
  const x = new Float32Array(40);
  xs.forEach((v, i) => {
    x[2 * i] = v;
    // Issue 5: with x1 = x2 only w1 + w2 is identifiable; the live option draws x2 ~ U(−1, 1) instead.
    x[2 * i + 1] = decorrelate ? rng.range(-1, 1) : v;
  });
  return x;
}

/**
 * ch04-01: "seed 1; 20 samples with x1 = x2 = −1…1 step 0.1; f = x1 + x2 + 1 (w = [1,1], b = 1); y = f + ε (std 1)."
 * `decorrelate` is the live control of issue 5.
 */
export function multiInput(seed: number, { noise = 1, decorrelate = false } = {}): Regression {
  const rng = createRng(seed);
  const x = collinearInputs(rng, decorrelate);
  const f = Float32Array.from({ length: 20 }, (_, i) => x[2 * i]! + x[2 * i + 1]! + 1);
  return { n: 20, xDim: 2, yDim: 1, x, f, y: Float32Array.from(f, (v) => v + noise * rng.normal()) };
}

/**
 * ch04-02: "the same 20 collinear inputs. Y = X·W + b with W = [[1,−1],[1,3]] (rows = inputs) and b = [1, −1],
 * i.e. y1 = x1 + x2 + 1 and y2 = −x1 + 3x2 − 1. Noise 0.001·ε of shape 20×1 is added to both columns (the same noise)."
 * `decorrelate` and `separateNoise` (an independent draw for y2) are the live controls of issue 5; off, the draws
 * are the course's.
 */
export function multiOutput(seed: number, { noise = 0.001, decorrelate = false, separateNoise = false } = {}): Regression {
  const rng = createRng(seed);
  const x = collinearInputs(rng, decorrelate);
  const f = new Float32Array(40);
  const y = new Float32Array(40);
  for (let i = 0; i < 20; i++) {
    const x1 = x[2 * i]!;
    const x2 = x[2 * i + 1]!;
    f[2 * i] = x1 + x2 + 1;
    f[2 * i + 1] = -x1 + 3 * x2 - 1;
    const e = noise * rng.normal();
    y[2 * i] = f[2 * i]! + e;
    y[2 * i + 1] = f[2 * i + 1]! + (separateNoise ? noise * rng.normal() : e);
  }
  return { n: 20, xDim: 2, yDim: 2, x, y, f };
}

// ——— chapters 5–7: 1-D and 2-D classification ———

/**
 * ch05-02: "x = −1…1 step 0.1 (20 points); y = 1 if x > 0.2. This gives 7 positives (0.3…0.9) and 13 negatives;
 * x = 0.2 is class 0." Built as x = (i − 10)/10 with the threshold on i (issue 6). Deterministic.
 */
export function threshold1d(): Labelled {
  return labelled1d(decimalGrid(-10, 20), (i) => (i - 10 > 2 ? 1 : 0), 2);
}

/**
 * ch06-01: "x = −2…2 step 0.1 (40 points). Class 0 if x ≤ −1, class 1 if −1 < x < 1, class 2 if x ≥ 1.
 * Counts 11 / 19 / 10." Deterministic.
 */
export function threeClass1d(): Labelled {
  return labelled1d(decimalGrid(-20, 40), (i) => (i - 20 <= -10 ? 0 : i - 20 >= 10 ? 2 : 1), 3);
}

/**
 * ch07-01 and ch08-05: "x = −20, −19, …, 19 (40 integers); y = 1 for −4 < x < 4 (x = −3…3, 7 ones), otherwise 0."
 * Deterministic.
 */
export function bump1d(): Labelled {
  const xs = Float64Array.from({ length: 40 }, (_, i) => i - 20);
  return labelled1d(xs, (i) => (Math.abs(i - 20) < 4 ? 1 : 0), 2);
}

/** ch07-02 and ch07-05b grid: "x = linspace(−20, 20, 100)". */
const wideGrid = () => linspace(-20, 20, 100);

/**
 * ch07-02: "x = linspace(−20, 20, 100); y = 1 if −10 < x < −5 or 5 < x < 10 (13 + 13 = 26 ones), otherwise 0."
 * No grid point lies on a boundary. Deterministic.
 */
export function twoBumps1d(): Labelled {
  const xs = wideGrid();
  return labelled1d(xs, (i) => (Math.abs(xs[i]!) > 5 && Math.abs(xs[i]!) < 10 ? 1 : 0), 2);
}

/**
 * ch07-05b: "x = linspace(−20, 20, 100); class 1 if −10 < x < −5 (13 points), class 2 if 5 < x < 10 (13),
 * otherwise class 0 (74)." Deterministic.
 */
export function threeClassBumps1d(): Labelled {
  const xs = wideGrid();
  return labelled1d(xs, (i) => {
    const x = xs[i]!;
    return x > -10 && x < -5 ? 1 : x > 5 && x < 10 ? 2 : 0;
  }, 3);
}

/**
 * ch07-03 XOR: "100 points: 25 each at (0,0)→0, (0,1)→1, (1,0)→1 and (1,1)→0. Gaussian jitter nominally 0.01."
 * Rows in that block order. The jitter is added once (fixing issue 10, where it accumulated to std 0.01–0.05).
 */
export function xor(seed: number, { jitter = 0.01, n = 100 } = {}): Labelled {
  if (n % 4 !== 0) throw new RangeError(`xor: n must be a multiple of 4, got ${n}`);
  const rng = createRng(seed);
  const corners: [number, number, number][] = [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ];
  const x = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  const per = n / 4;
  for (let i = 0; i < n; i++) {
    const [a, b, label] = corners[Math.floor(i / per)]!;
    x[2 * i] = a + jitter * rng.normal();
    x[2 * i + 1] = b + jitter * rng.normal();
    labels[i] = label;
  }
  return { n, xDim: 2, classes: 2, x, labels };
}

// ——— chapter 8 ———

/**
 * ch08-02, ch08-08, ch08-10: "a 3-arm spiral with K = 3 classes and N = 500 points per class (1,500 total).
 * Class j: r = linspace(0, 1, 500), θ = linspace(4j, 4(j+1), 500) + 0.2ε, point = (r·sinθ, r·cosθ).
 * Points are stored in class order."
 */
export function spiral(seed: number, { perClass = 500, classes = 3, noise = 0.2 } = {}): Labelled {
  const rng = createRng(seed);
  const n = perClass * classes;
  const x = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  const r = linspace(0, 1, perClass);
  for (let j = 0; j < classes; j++) {
    const theta = linspace(4 * j, 4 * (j + 1), perClass);
    for (let i = 0; i < perClass; i++) {
      const k = j * perClass + i;
      const t = theta[i]! + noise * rng.normal();
      x[2 * k] = r[i]! * Math.sin(t);
      x[2 * k + 1] = r[i]! * Math.cos(t);
      labels[k] = j;
    }
  }
  return { n, xDim: 2, classes, x, labels };
}

/** ch08-03's true boundary: class 1 where f(x) = −1 + x1 + 2·x2 + x1·x2 − 3·x1² + x2² > 0. */
export function polynomialBoundaryF(x1: number, x2: number): number {
  return -1 + x1 + 2 * x2 + x1 * x2 - 3 * x1 * x1 + x2 * x2;
}

/** ch08-03 data: the noisy features, plus the clean points the labels were computed from. */
export interface NoisyLabelled extends Labelled {
  xClean: Float32Array;
}

function polynomialSet(rng: Rng, n: number, noise: number): NoisyLabelled {
  const xClean = Float32Array.from({ length: 2 * n }, () => rng.uniform());
  const labels = Int32Array.from({ length: n }, (_, i) => (polynomialBoundaryF(xClean[2 * i]!, xClean[2 * i + 1]!) > 0 ? 1 : 0));
  const x = Float32Array.from(xClean, (v) => v + noise * rng.normal());
  return { n, xDim: 2, classes: 2, x, labels, xClean };
}

/**
 * ch08-03: "1000 clean points x ~ U(0,1)². Label y = 1 if f(x) > 0 … Labels come from the clean points. Gaussian
 * noise is then added to the features." Training noise std 0.2; validation: a fresh draw of points with noise
 * std 0.15. Fix (issue 14): the training noise is added once (the original added 0.2 twice, std ≈ 0.283). Labels
 * from clean points with noisy features is the original design (label noise near the boundary) and is kept.
 */
export function polynomialBoundary(seed: number, { n = 1000, trainNoise = 0.2, valNoise = 0.15 } = {}): Split<NoisyLabelled> {
  const rng = createRng(seed);
  return { train: polynomialSet(rng, n, trainNoise), val: polynomialSet(rng, n, valNoise) };
}

/**
 * ch08-04: "x = linspace(−1, 1, 40); f = x². Training y = f + ε (std 1). Validation y = f + ε drawn independently,
 * same x."
 */
export function noisySquare(seed: number, { noise = 1 } = {}): Split<Regression> {
  const rng = createRng(seed);
  const xs = linspace(-1, 1, 40);
  const f = (x: number) => x * x;
  return { train: regression1d(xs, f, noise, rng), val: regression1d(xs, f, noise, rng) };
}

// ——— chapter 9 ———

/**
 * ch09-04: "synthetic 11×11 images with background 0. Class 0 ("vertical"): rows 1–9 and columns 4–6 are filled
 * with Bernoulli(0.9) pixels. Class 1 ("horizontal"): rows 4–6 and columns 1–9, Bernoulli(0.9). offset = 0, so the
 * bars are at fixed positions. Training set: 10,000 images … Validation set: 1,000 images", in class order.
 * Fix (issue 21): exactly half of each class (the original's "n ≤ N/2" gave 5,001/4,999); for odd n class 0 gets
 * the extra image. `offset` is the original's unused option: a random bar position that stays inside the image
 * (vertical bar: first row 0–2, first column 0–8; horizontal: transposed).
 */
export function bars(seed: number, n: number, { p = 0.9, offset = false } = {}): ImageSet {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`bars: n must be a positive integer, got ${n}`);
  const rng = createRng(seed);
  const S = 11;
  const images = new Float32Array(n * S * S);
  const labels = new Int32Array(n);
  const half = Math.ceil(n / 2);
  for (let k = 0; k < n; k++) {
    const label = k < half ? 0 : 1;
    labels[k] = label;
    // The vertical bar is 9 rows × 3 columns from (r0, c0); the horizontal bar is its transpose.
    const r0 = offset ? rng.int(3) : 1;
    const c0 = offset ? rng.int(9) : 4;
    const base = k * S * S;
    for (let a = 0; a < 9; a++) {
      for (let b = 0; b < 3; b++) {
        const [row, col] = label === 0 ? [r0 + a, c0 + b] : [c0 + b, r0 + a];
        images[base + row * S + col] = rng.uniform() < p ? 1 : 0;
      }
    }
  }
  return { n, rows: S, cols: S, classes: 2, images, labels };
}
