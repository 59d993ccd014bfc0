import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from './index.ts';
import { maxPoolGrad } from './maxPoolGrad.ts';
import { maxPoolGradOps } from './maxPoolGradOps.ts';
import {
  type Arg,
  createRng,
  fdErr,
  finiteDiff,
  gradsOf,
  leaks,
  randn,
  relErr,
  sampleCoords,
  useCpu,
  useWasm,
} from './testKit.ts';

type Pad = 'valid' | 'same' | tf.backend_util.ExplicitPadding;

interface PoolCase {
  name: string;
  x: Arg;
  r: Float32Array;
  f: (x: tf.Tensor) => tf.Tensor;
  /** Inputs with exact ties (ReLU zeros) have no derivative there: compare with cpu only. */
  ties: boolean;
}

const SPECS: Array<[string, number[], [number, number], [number, number], Pad, 'normal' | 'negative' | 'relu']> = [
  ['2x2/2 valid (tiles)', [2, 8, 8, 3], [2, 2], [2, 2], 'valid', 'normal'],
  ['2x2/2 valid, odd size (tiles + remainder)', [2, 7, 7, 2], [2, 2], [2, 2], 'valid', 'normal'],
  ['2x2/2 same on 7x7 (padding)', [2, 7, 7, 2], [2, 2], [2, 2], 'same', 'normal'],
  ['3x3/2 same', [2, 9, 9, 2], [3, 3], [2, 2], 'same', 'normal'],
  ['3x3/1 valid (overlap)', [2, 6, 6, 2], [3, 3], [1, 1], 'valid', 'normal'],
  ['2x2/1 valid (overlap)', [2, 6, 6, 2], [2, 2], [1, 1], 'valid', 'normal'],
  ['3x3/2 valid', [2, 9, 9, 2], [3, 3], [2, 2], 'valid', 'normal'],
  ['explicit pad 2x2/2', [2, 5, 5, 2], [2, 2], [2, 2], [[0, 0], [1, 0], [0, 1], [0, 0]], 'normal'],
  ['2x3/[2,3] non-square tiles', [2, 6, 8, 3], [2, 3], [2, 3], 'valid', 'normal'],
  ['all-negative windows 2x2/2', [2, 8, 8, 2], [2, 2], [2, 2], 'valid', 'negative'],
  ['all-negative windows 3x3/2 same', [2, 7, 7, 2], [3, 3], [2, 2], 'same', 'negative'],
  ['ReLU zeros, ties 2x2/2', [2, 8, 8, 4], [2, 2], [2, 2], 'valid', 'relu'],
  ['ReLU zeros, ties 3x3/1 same', [2, 6, 6, 2], [3, 3], [1, 1], 'same', 'relu'],
  ['ch09-05 pool1 [4,16,16,16]', [4, 16, 16, 16], [2, 2], [2, 2], 'valid', 'normal'],
  ['ch09-05 pool2 [4,8,8,32]', [4, 8, 8, 32], [2, 2], [2, 2], 'valid', 'negative'],
];

function poolCases(seed = 902): PoolCase[] {
  const rng = createRng(seed);
  return SPECS.map(([label, shape, k, s, pad, kind]) => {
    const values = randn(rng, shape);
    if (kind === 'negative') values.forEach((v, i) => (values[i] = -Math.abs(v)));
    if (kind === 'relu') values.forEach((v, i) => (values[i] = Math.max(0, v)));
    const info = tf.backend_util.computePool2DInfo(shape as [number, number, number, number], k, s, 1, pad);
    return {
      name: `${label}: x[${shape}] k[${k}] s[${s}] pad ${JSON.stringify(pad)}`,
      x: { values, shape },
      r: randn(rng, info.outShape),
      f: (x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, k, s, pad),
      ties: kind === 'relu',
    };
  });
}

const cases = poolCases();
const cpu: Float32Array[] = [];
const fd: Array<{ coords: number[]; values: number[] }> = [];

beforeAll(async () => {
  await useCpu();
  cases.forEach((c, i) => {
    const grad = gradsOf(c.f, [c.x], c.r).grads[0] as Float32Array;
    cpu.push(grad);
    const coords = c.ties ? [] : sampleCoords(createRng(i), grad.length, 12);
    // Piecewise linear: exact away from ties; a random-normal window's gap is far above 2ε.
    fd.push({ coords, values: finiteDiff(c.f, [c.x], c.r, 0, coords, 1e-3) });
  });
  await useWasm();
});

describe.each(['loop', 'ops'] as const)('MaxPoolGrad fill-in, %s variant', (variant) => {
  beforeAll(() => {
    registerWasmKernels({ maxPoolGrad: variant });
    expect(tf.getKernel('MaxPoolGrad', 'wasm')?.kernelFunc).toBe(variant === 'loop' ? maxPoolGrad : maxPoolGradOps);
  });
  afterAll(() => void registerWasmKernels());

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i]!;
    const wasm = gradsOf(c.f, [c.x], c.r).grads[0] as Float32Array;
    expect(relErr(wasm, cpu[i]!), 'vs cpu').toBeLessThan(1e-6);
    if (!c.ties) expect(fdErr(fd[i]!.values, wasm, fd[i]!.coords), 'vs finite differences').toBeLessThan(1e-3);
  });

  it('leaks no tensor and no wasm buffer (tiled and general windows)', () => {
    expect(tf.getBackend()).toBe('wasm');
    for (const c of [cases[0]!, cases[1]!, cases[3]!, cases[4]!]) {
      expect(leaks(() => void gradsOf(c.f, [c.x], c.r))).toEqual({ tensors: 0, dataIds: 0 });
    }
  });
});
