import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FilterGradMethod, setFilterGradMethod } from './conv2dBackpropFilter.ts';
import { convCases, fullSize } from './convCases.ts';
import { createRng, fdErr, finiteDiff, gradsOf, leaks, relErr, sampleCoords, useCpu, useWasm } from './testKit.ts';

const WRT = 1; // dW only, so only Conv2DBackpropFilter runs in the backward pass
const METHODS: FilterGradMethod[] = ['im2col', 'transposes'];

describe('Conv2DBackpropFilter fill-in', () => {
  const cases = convCases();
  const cpu: Float32Array[] = [];
  const fd: Array<{ coords: number[]; values: number[] }> = [];

  beforeAll(async () => {
    // Reference phase on cpu: its gradients, and central finite differences of the loss itself (on cpu
    // because stock wasm's forward Conv2D is wrong for 'same' when stride > window, see the report).
    await useCpu();
    cases.forEach((c, i) => {
      const grad = gradsOf(c.f, [c.x, c.w], c.r, [WRT]).grads[0] as Float32Array;
      cpu.push(grad);
      const coords = sampleCoords(createRng(i), grad.length, 6);
      // conv is linear in w: the central difference is exact up to float32 rounding of the loss terms.
      fd.push({ coords, values: finiteDiff(c.f, [c.x, c.w], c.r, WRT, coords, 0.05) });
    });
    await useWasm();
  });
  afterAll(() => setFilterGradMethod('transposes'));

  describe.each(METHODS)('%s', (method) => {
    it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
      setFilterGradMethod(method);
      const c = cases[i]!;
      const wasm = gradsOf(c.f, [c.x, c.w], c.r, [WRT]).grads[0] as Float32Array;
      expect(relErr(wasm, cpu[i]!), 'vs cpu').toBeLessThan(2e-5);
      expect(fdErr(fd[i]!.values, wasm, fd[i]!.coords), 'vs finite differences').toBeLessThan(2e-3);
    });

    it.each(fullSize())('full ch09-05 batch: %s vs finite differences on wasm', (_name, c) => {
      // cpu's own kernel is too slow at batch 100; wasm's forward Conv2D is right for stride 1, pad 2.
      setFilterGradMethod(method);
      const grad = gradsOf(c.f, [c.x, c.w], c.r, [WRT]).grads[0] as Float32Array;
      const coords = sampleCoords(createRng(100), grad.length, 6);
      const fdValues = finiteDiff(c.f, [c.x, c.w], c.r, WRT, coords, 0.05);
      expect(fdErr(fdValues, grad, coords)).toBeLessThan(2e-3);
    });

    it('leaks no tensor and no wasm buffer', () => {
      setFilterGradMethod(method);
      expect(tf.getBackend()).toBe('wasm');
      for (const c of [cases[2]!, cases[5]!, cases[8]!, cases[9]!]) {
        expect(leaks(() => void gradsOf(c.f, [c.x, c.w], c.r, [WRT]))).toEqual({ tensors: 0, dataIds: 0 });
      }
    });
  });
});
