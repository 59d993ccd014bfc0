/**
 * Seeded pseudo-random numbers for the synthetic datasets and initialisations. The course's PyTorch/NumPy
 * streams cannot be reproduced in TF.js, so we draw from the same distributions with our own generator:
 * the same seed always gives the same data, in every process and on every backend.
 */

/** mulberry32: a 32-bit state generator, uniform in [0, 1). Fast and good enough for data and init. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare: number | null = null;
  return {
    uniform: next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * A seed for another random stream of the same run, decorrelated from `seed` itself: a synthetic lesson draws its
 * data from `seed`, so the weights, the shuffle order and a validation set each get their own stream.
 */
export function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(stream, 0x85ebca6b)) >>> 0;
}

/** Stream numbers for subSeed. */
export const INIT_STREAM = 1;
export const SHUFFLE_STREAM = 2;
export const VALIDATION_STREAM = 3;
/** Noise drawn during training (ch08-07's gradient noise). */
export const NOISE_STREAM = 4;
