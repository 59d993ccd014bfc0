import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Activation, cnnCh0905, type CourseModel, initParams, lossOf, mlp784, syntheticBatch } from './courseModels.ts';
import { createRng, leaks, relErr, useCpu, useWasm } from './testKit.ts';

interface Problem {
  model: CourseModel;
  params: Record<string, Float32Array>;
  x: Float32Array;
  labels: Int32Array;
  batch: number;
}

function problem(model: CourseModel, batch: number, seed: number): Problem {
  const rng = createRng(seed);
  return { model, params: initParams(model, rng), ...syntheticBatch(model, batch, rng), batch };
}

/** Loss and the gradient of every parameter, on the current backend. */
function lossAndGrads(pr: Problem): { loss: number; grads: Record<string, Float32Array> } {
  const names = pr.model.params.map(([n]) => n);
  const ps = pr.model.params.map(([n, shape]) => tf.tensor(pr.params[n]!, shape));
  const x = tf.tensor(pr.x, [pr.batch, ...pr.model.sample]);
  const labels = tf.tensor1d(pr.labels, 'int32');
  const { value, grads } = tf.valueAndGrads((...vs: tf.Tensor[]) =>
    lossOf(pr.model, Object.fromEntries(names.map((n, i) => [n, vs[i]!])), x, labels),
  )(ps);
  const out = { loss: value.dataSync()[0]!, grads: Object.fromEntries(names.map((n, i) => [n, grads[i]!.dataSync() as Float32Array])) };
  tf.dispose([...ps, x, labels, value, ...grads]);
  return out;
}

// Batch 8 instead of ch09-05's 100: cpu's own Conv2DBackpropFilter takes ~0.1 s per sample.
const CNN_BATCH = 8;
// Measured here ≤ 1.1e-6 for both (float32 summation order). The notes saw up to 2.1e-3 with ReLU, where a
// different summation order can flip a pre-activation near 0; tanh is smooth, so its limit is tight. With
// wasm's own MaxPoolGrad the tanh model's conv gradients are off by 0.75–1.0 (relative), the ReLU one's not.
const LIMITS: Record<Activation, number> = { relu: 2e-3, tanh: 1e-4 };

describe('whole models: wasm with fill-ins vs cpu, gradients of every parameter', () => {
  const problems: Array<[string, Problem, number]> = [
    ['ch09-05 CNN, ReLU', problem(cnnCh0905(16, 'relu'), CNN_BATCH, 11), LIMITS.relu],
    ['ch09-05 CNN, tanh', problem(cnnCh0905(16, 'tanh'), CNN_BATCH, 12), LIMITS.tanh],
    ['MLP 784-100-100-10, batch 64', problem(mlp784(), 64, 13), 1e-4],
  ];
  const cpu: Array<ReturnType<typeof lossAndGrads>> = [];

  beforeAll(async () => {
    await useCpu();
    for (const [, pr] of problems) cpu.push(lossAndGrads(pr));
    await useWasm();
  });

  it.each(problems.map(([name, , limit], i) => [name, i, limit] as const))('%s', (_name, i, limit) => {
    const [, pr] = problems[i]!;
    const wasm = lossAndGrads(pr);
    expect(Math.abs(wasm.loss - cpu[i]!.loss) / cpu[i]!.loss).toBeLessThan(1e-5);
    const errors = Object.fromEntries(pr.model.params.map(([n]) => [n, relErr(wasm.grads[n]!, cpu[i]!.grads[n]!)]));
    for (const [n, err] of Object.entries(errors)) expect(err, `${n}: ${JSON.stringify(errors)}`).toBeLessThan(limit);
  });

  it('one CNN training step leaks no tensor and no wasm buffer', () => {
    const [, pr] = problems[1]!;
    const vars = pr.model.params.map(([n, shape]) => tf.variable(tf.tensor(pr.params[n]!, shape), true, `leak.${n}`));
    const p = Object.fromEntries(pr.model.params.map(([n], i) => [n, vars[i]!]));
    const x = tf.tensor(pr.x, [pr.batch, ...pr.model.sample]);
    const labels = tf.tensor1d(pr.labels, 'int32');
    const opt = tf.train.sgd(0.1);
    const step = () => opt.minimize(() => lossOf(pr.model, p, x, labels), true, vars)?.dispose();
    expect(leaks(step)).toEqual({ tensors: 0, dataIds: 0 });
    tf.dispose([...vars, x, labels]);
    opt.dispose();
  });
});
