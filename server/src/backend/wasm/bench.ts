/**
 * Times one training step (forward, backward, SGD update, loss read back) of the course models on wasm,
 * with wasm's own kernels ("stock") and with the fill-ins, median of N steps after warm-up. msStock is null
 * where stock wasm cannot run the step (the CNN: Conv2DBackpropFilter does not exist there); such a model
 * gets a second row whose "stock" has just that missing kernel filled in.
 *
 * Leaves the backend and the fill-in registration as it found them.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import '../gradients.ts'; // tfjs-core alone registers no gradient functions
import { createRng } from '../../data/prng.ts';
import { cnnCh0905, type CourseModel, initParams, lossOf, mlp784, syntheticBatch } from './courseModels.ts';
import { registerWasmKernels, unregisterWasmKernels, wasmKernelsRegistered } from './index.ts';

export interface WasmKernelBench {
  name: string;
  /** ms per step with wasm's own kernels; null when they cannot run this model. */
  msStock: number | null;
  /** ms per step with the fill-ins registered. */
  msFilled: number;
}

export interface BenchOptions {
  /** Timed steps per configuration (median reported). Default 30. */
  steps?: number;
  /** Untimed steps first (XNNPACK operator creation, heap growth). Default 5. */
  warmup?: number;
}

const CASES: Array<{ name: string; model: () => CourseModel; batch: number }> = [
  { name: 'mlp 784-100-100-10 relu, batch 64', model: mlp784, batch: 64 },
  { name: 'cnn ch09-05 16x16 relu, batch 100', model: () => cnnCh0905(16, 'relu'), batch: 100 },
];

export async function benchWasmKernels(options: BenchOptions = {}): Promise<WasmKernelBench[]> {
  const { steps = 30, warmup = 5 } = options;
  const previousBackend = tf.getBackend() as string | undefined; // undefined before any backend is chosen
  await tf.setBackend('wasm');
  await tf.ready();
  const hadFillIns = wasmKernelsRegistered();
  const rows: WasmKernelBench[] = [];
  try {
    for (const c of CASES) {
      unregisterWasmKernels();
      const msStock = tryMsPerStep(c.model(), c.batch, steps, warmup);
      registerWasmKernels();
      const msFilled = msPerStep(c.model(), c.batch, steps, warmup);
      rows.push({ name: c.name, msStock, msFilled });
      if (msStock == null) {
        // The least stock wasm needs to run it: only the missing kernel filled in (wasm's own, wrong-for-
        // negative-windows MaxPoolGrad and slow Conv2DBackpropInput/BatchMatMul otherwise).
        unregisterWasmKernels();
        registerWasmKernels({ only: [tf.Conv2DBackpropFilter] });
        const msMissingOnly = tryMsPerStep(c.model(), c.batch, steps, warmup);
        registerWasmKernels();
        rows.push({ name: `${c.name} (stock = wasm + Conv2DBackpropFilter only)`, msStock: msMissingOnly, msFilled });
      }
    }
  } finally {
    if (hadFillIns) registerWasmKernels();
    else unregisterWasmKernels();
    if (previousBackend != null && previousBackend !== 'wasm') await tf.setBackend(previousBackend);
  }
  return rows;
}

/** msPerStep, or null when the step throws (a kernel the model needs is not registered). */
function tryMsPerStep(model: CourseModel, batch: number, steps: number, warmup: number): number | null {
  try {
    return msPerStep(model, batch, steps, warmup);
  } catch {
    return null;
  }
}

/** Median wall time of one SGD step over fixed seeded parameters and one synthetic batch. */
export function msPerStep(model: CourseModel, batch: number, steps: number, warmup: number): number {
  const rng = createRng(905);
  const init = initParams(model, rng);
  const data = syntheticBatch(model, batch, rng);
  const vars = model.params.map(([n, shape]) => tf.variable(tf.tensor(init[n] as Float32Array, shape), true));
  const p = Object.fromEntries(model.params.map(([n], i) => [n, vars[i] as tf.Variable]));
  const x = tf.tensor(data.x, [batch, ...model.sample]);
  const labels = tf.tensor1d(data.labels, 'int32');
  const optimizer = tf.train.sgd(0.1);
  const step = () => {
    const loss = optimizer.minimize(() => lossOf(model, p, x, labels), true, vars);
    loss?.dataSync();
    loss?.dispose();
  };
  try {
    for (let i = 0; i < warmup; i++) step();
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      step();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? NaN;
  } finally {
    tf.dispose([...vars, x, labels]);
    optimizer.dispose();
  }
}
