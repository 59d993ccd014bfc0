import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig, type OptimizerName } from '../../train/optimizers.ts';
import { OPTIMIZER_UPDATE } from './optimizerUpdate.ts';
import { createRng, leaks, randn, useCpu, useWasm } from './testKit.ts';

// The fused optimizer update (optimizerUpdate.ts) against its oracle, the optimizers' op chain: the same
// optimizer runs four steps on the cpu backend (where the kernel is not registered, so the ops run) and on wasm
// (one kernel per parameter); weights and state must be bit-identical after every step.

const rng = createRng(47);
const SHAPES = [[5, 7], [7], [1]];
const W0 = SHAPES.map((s) => randn(rng, s));
const GRADS = [0, 1, 2, 3].map(() => SHAPES.map((s) => randn(rng, s, 0.3)));

const CASES: Array<[string, OptimizerName, OptimizerConfig]> = [
  ['sgd', 'sgd', { lr: 0.1, momentum: 0, weightDecay: 0 }],
  ['sgd + weight decay', 'sgd', { lr: 1 / 3, momentum: 0, weightDecay: 0.013 }],
  ['momentum (PyTorch form)', 'momentum', { lr: 0.01, momentum: 0.9, weightDecay: 0 }],
  ['momentum (EWA form) + weight decay', 'momentum', { lr: 0.03, momentum: 0.4, weightDecay: 0.001, momentumForm: 'ewa' }],
  ['rmsprop', 'rmsprop', { lr: 0.01, momentum: 0, weightDecay: 0 }],
  ['rmsprop, β 0.9, ε 1e-3, weight decay', 'rmsprop', { lr: 0.003, momentum: 0, weightDecay: 0.01, rmsDecay: 0.9, eps: 1e-3 }],
  ['adam', 'adam', { lr: 0.001, momentum: 0, weightDecay: 0 }],
  ['adam, β 0.8/0.99 + weight decay', 'adam', { lr: 0.1, momentum: 0, weightDecay: 0.002, beta1: 0.8, beta2: 0.99 }],
];

/** Weights and state after each of four steps, flattened per step. */
function run(name: OptimizerName, config: OptimizerConfig): number[][] {
  const params = W0.map((w, i) => tf.tidy(() => tf.variable(tf.tensor(w, SHAPES[i]), true)));
  const opt = createOptimizer(name, config, params);
  const trace: number[][] = [];
  for (const grads of GRADS) {
    const g = grads.map((v, i) => tf.tensor(v, SHAPES[i]));
    opt.step(params, g);
    tf.dispose(g);
    const state = Object.values(opt.state()).flat();
    trace.push([...params.flatMap((p) => Array.from(p.dataSync())), ...state.flatMap((s) => Array.from(s))]);
  }
  opt.dispose();
  tf.dispose(params);
  return trace;
}

describe('fused optimizer update on wasm vs the op chain on cpu', () => {
  const cpu: number[][][] = [];
  beforeAll(async () => {
    await useCpu();
    for (const [, name, config] of CASES) cpu.push(run(name, config));
    await useWasm();
  });

  it('is registered on wasm (so the fused path is what the wasm runs below take)', () => {
    expect(tf.getKernel(OPTIMIZER_UPDATE, 'wasm')).toBeDefined();
  });

  it.each(CASES.map(([label], i) => [label, i] as const))('%s: bit-identical weights and state over four steps', (_label, i) => {
    const [, name, config] = CASES[i]!;
    const fused = run(name, config);
    expect(fused).toEqual(cpu[i]);
  });

  it('leaks no tensor and no wasm buffer', () => {
    for (const [, name, config] of CASES) expect(leaks(() => run(name, config))).toEqual({ tensors: 0, dataIds: 0 });
  });

  it('refuses a missing state slot with a clear error', () => {
    const w = tf.zeros([3]);
    expect(() => tf.engine().runKernel(OPTIMIZER_UPDATE, { w, g: w }, { rule: 'adam' } as unknown as tf.NamedAttrMap)).toThrow(/2 state slot/);
    w.dispose();
  });
});
