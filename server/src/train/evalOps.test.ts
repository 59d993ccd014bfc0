/**
 * The nets' evaluation-mode ops reproduce their own forward pass in evaluation mode (the oracle): MLPs with and
 * without batch norm (before and after the activation), a CNN with batch norm after each conv and on the logits,
 * on the cpu backend and on wasm with its fused kernels.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { HYPERPARAM_DEFAULTS } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select.ts';
import { createRng } from '../data/prng.ts';
import { firstLinearOp, headLoss, paramRoles, runOps } from './evalOps.ts';
import { softmaxCrossEntropy } from './losses.ts';
import { buildCnn } from './nets/cnn.ts';
import { buildMlp, type Net } from './nets/mlp.ts';

const hp = { ...HYPERPARAM_DEFAULTS, dropout: 0.3 };

const nets: Record<string, () => { net: Net; xDim: number }> = {
  'MLP, ReLU': () => ({ net: buildMlp({ sizes: [6, 5, 4, 3], activation: 'relu', batchNorm: false, dropout: true }, 'default', createRng(1), hp), xDim: 6 }),
  'MLP, batch norm before σ': () => ({ net: buildMlp({ sizes: [6, 5, 3], activation: 'sigmoid', batchNorm: true, dropout: false }, 'default', createRng(2), hp), xDim: 6 }),
  'MLP, batch norm after tanh': () => ({
    net: buildMlp({ sizes: [6, 5, 5, 3], activation: 'tanh', batchNorm: true, batchNormAfter: true, dropout: false }, 'default', createRng(3), hp),
    xDim: 6,
  }),
  'CNN, batch norm everywhere': () => ({
    net: buildCnn({ side: 6, inCh: 1, convs: [{ out: 3, k: 3, pad: 1 }, { out: 2, k: 2, pad: 0 }], pool: 2, classes: 3, activation: 'relu', batchNorm: true }, 'default', createRng(4)),
    xDim: 36,
  }),
};

function compare(name: string, make: () => { net: Net; xDim: number }): void {
  const { net, xDim } = make();
  const rng = createRng(9);
  const x = tf.tensor2d(Float32Array.from({ length: 8 * xDim }, () => rng.normal()), [8, xDim]);
  // A training-mode pass moves batch norm's running statistics off their start (0 and 1).
  tf.dispose(tf.tidy(() => net.forward(x, true)));
  const want = tf.tidy(() => net.forward(x, false));
  const got = tf.tidy(() => runOps(net.evalOps!, x, net.params));
  expect(got.shape, name).toEqual(want.shape);
  const [g, w] = [got.dataSync(), want.dataSync()];
  w.forEach((v, i) => expect(g[i]!, `${name} [${i}]`).toBeCloseTo(v, 5));
  tf.dispose([x, want, got]);
  net.dispose();
}

describe('evalOps', () => {
  it('give each net\'s evaluation-mode forward pass (cpu)', async () => {
    await tf.setBackend('cpu');
    for (const [name, make] of Object.entries(nets)) compare(name, make);
  });

  it('give each net\'s evaluation-mode forward pass (wasm, fused kernels)', async () => {
    await selectBackend('wasm');
    for (const [name, make] of Object.entries(nets)) compare(name, make);
    await tf.setBackend('cpu');
  });

  it('say which parameters are filters and where the first linear layer is', async () => {
    await tf.setBackend('cpu');
    const mlp = nets['MLP, batch norm before σ']!().net;
    expect(mlp.names).toEqual(['fc1.W', 'fc1.b', 'bn1.gamma', 'bn1.beta', 'fc2.W', 'fc2.b']);
    expect(paramRoles(mlp.evalOps!, mlp.params.length)).toEqual(['weight', 'bias', 'norm', 'norm', 'weight', 'bias']);
    expect(firstLinearOp(mlp.evalOps!)).toBe(0);
    const cnn = nets['CNN, batch norm everywhere']!().net;
    expect(firstLinearOp(cnn.evalOps!)).toBe(1); // after the reshape of rows to images
    expect(paramRoles(cnn.evalOps!, cnn.params.length).filter((r) => r === 'weight').length).toBe(3);
    expect(firstLinearOp([{ kind: 'activation', activation: 'relu' }])).toBe(-1);
    mlp.dispose();
    cnn.dispose();
  });

  it('score the output with the training loss\'s own functions', async () => {
    await tf.setBackend('cpu');
    const logits = tf.tensor2d([[1, 2, 3]]);
    const labels = tf.tensor1d([2], 'int32');
    const a = headLoss({ loss: 'softmaxXent' }, logits, labels);
    expect(a.dataSync()[0]).toBeCloseTo(0.407606, 5);
    const b = softmaxCrossEntropy(logits, labels);
    expect(a.dataSync()[0]).toBe(b.dataSync()[0]);
    // BCE on σ(z): z = ln 4 gives ŷ = 0.8, −ln 0.8 for target 1.
    const c = headLoss({ loss: 'bce', output: 'sigmoid' }, tf.tensor2d([[Math.log(4)]]), tf.tensor2d([[1]]));
    expect(c.dataSync()[0]).toBeCloseTo(0.223144, 5);
    tf.dispose([logits, labels, a, b, c]);
  });
});
