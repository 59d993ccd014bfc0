import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { oneHotFloat, registerWasmKernels, unregisterWasmKernels, WASM_FILL_IN_KERNELS, wasmKernelsRegistered } from './index.ts';
import { useCpu, useWasm } from './testKit.ts';

describe('registerWasmKernels', () => {
  beforeAll(useWasm);
  afterAll(() => void registerWasmKernels());

  const product = () =>
    tf.tidy(() => Array.from(tf.matMul(tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[1, 2, 3]]), false, true).dataSync()));

  it('registers every fill-in, idempotently and without warnings', () => {
    const warn = vi.spyOn(console, 'warn');
    expect(registerWasmKernels()).toEqual([...WASM_FILL_IN_KERNELS]);
    expect(registerWasmKernels()).toEqual([...WASM_FILL_IN_KERNELS]);
    expect(wasmKernelsRegistered()).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(WASM_FILL_IN_KERNELS).toEqual(
      expect.arrayContaining(['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'BatchMatMul', '_FusedMatMul', 'OneHot']),
    );
  });

  it('puts the native kernels back and re-registers over them (no "wasmX is not a function")', () => {
    expect(product()).toEqual([14]);
    expect(unregisterWasmKernels().sort()).toEqual([...WASM_FILL_IN_KERNELS].sort());
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(product()).toEqual([14]); // native BatchMatMul after unregister/register
    expect(registerWasmKernels({ only: ['Conv2DBackpropFilter'] })).toEqual(['Conv2DBackpropFilter']);
    expect(wasmKernelsRegistered()).toBe(false);
    expect(registerWasmKernels()).toHaveLength(WASM_FILL_IN_KERNELS.length);
    expect(product()).toEqual([14]); // fill-in calling the native kernel it saved
  });
});

describe('OneHot fill-in and oneHotFloat', () => {
  const expected = [0, 1, 0, 0, 0, 0, 0, 1];
  beforeAll(useWasm);

  it('tf.oneHot honours float32 (stock wasm returns int32 bit patterns)', () => {
    tf.engine().startScope();
    const t = tf.oneHot(tf.tensor1d([1, 3], 'int32'), 4, 1, 0, 'float32');
    expect(t.dtype).toBe('float32');
    expect(Array.from(t.dataSync())).toEqual(expected);
    const smooth = tf.oneHot(tf.tensor1d([2], 'int32'), 3, 0.9, 0.05, 'float32');
    Array.from(smooth.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0.05, 0.05, 0.9][i]!, 6));
    expect(Array.from(tf.oneHot(tf.tensor1d([0], 'int32'), 2).dataSync())).toEqual([1, 0]);
    tf.engine().endScope();
  });

  it('oneHotFloat is float32 and right on wasm and cpu', async () => {
    for (const use of [useWasm, useCpu]) {
      await use();
      const before = tf.memory().numTensors;
      const t = oneHotFloat([1, 3], 4);
      expect(t.dtype).toBe('float32');
      expect(Array.from(t.dataSync())).toEqual(expected);
      const ids = tf.tensor1d([0], 'int32');
      const s = oneHotFloat(ids, 2, 0.8, 0.2);
      Array.from(s.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0.8, 0.2][i]!, 6));
      tf.dispose([t, s, ids]);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
