import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig, type OptimizerName } from '../../train/optimizers.ts';
import { OPTIMIZER_UPDATE } from './optimizerUpdate.ts';
import { createRng, leaks, randn, useCpu, useWasm } from './testKit.ts';

// The fused optimizer update (optimizerUpdate.ts) against its oracle, the optimizers' op chain: the same
// optimizer runs four steps on the cpu backend (where the kernel is not registered, so the ops run) and on wasm
// (one kernel per step for all parameters); weights and state must be bit-identical after every step.

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

  it('refuses a missing state slot, a missing parameter and a missing step count with clear errors', () => {
    const w = tf.zeros([3]);
    const run = (inputs: tf.NamedTensorMap, t: number[] | undefined) => () =>
      tf.engine().runKernel(OPTIMIZER_UPDATE, inputs, { rule: 'adam', t } as unknown as tf.NamedAttrMap);
    expect(run({ w0: w, g0: w, s0_0: w }, [1])).toThrow(/parameter 0 needs .* 2 state slot/);
    expect(run({ w0: w, g0: w, s0_0: w, s1_0: w }, [1, 1])).toThrow(/parameter 1 needs/);
    expect(run({ w0: w, g0: w, s0_0: w, s1_0: w }, undefined)).toThrow(/attr t must list/);
    w.dispose();
  });

  it('updates parameters of different shapes in one call, each with its own step count', () => {
    // Adam's bias correction reads each parameter's own t: a parameter that missed updates (no gradient) is
    // corrected for its own count, as torch.optim.Adam keeps per-parameter state.
    const params = [tf.variable(tf.tensor([1, 2, 3]), true), tf.variable(tf.tensor([[4]]), true)];
    const opt = createOptimizer('adam', { lr: 0.1, momentum: 0, weightDecay: 0 }, params);
    const g = [tf.tensor([0.5, -0.5, 1]), tf.tensor([[2]])];
    opt.step(params, [g[0], null]);
    opt.step(params, g);
    // First Adam step of any parameter moves it by lr·sign(g) (m̂/√v̂ = g/|g|): the second one's first step.
    expect(Array.from(params[1]!.dataSync())[0]).toBeCloseTo(3.9, 6);
    tf.dispose([...params, ...g]);
    opt.dispose();
  });
});
