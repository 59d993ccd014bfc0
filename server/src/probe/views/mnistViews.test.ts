/**
 * The MNIST lessons' views read the right numbers off the model: checked against the model's own tensors and
 * against an independent computation (tf.variableGrads on the net's forward pass, the evaluation's accuracy).
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mnistData } from '../../data/mnistData.ts';
import { ch06_02 } from '../../lessons/ch06-02/model.ts';
import { ch07_04 } from '../../lessons/ch07-04/model.ts';
import { ch08_01 } from '../../lessons/ch08-01/model.ts';
import type { ClassifierModel } from '../../lessons/classifier.ts';
import { PROBE_ROWS } from '../../lessons/mnistMlp.ts';
import { softmaxCrossEntropy } from '../../train/losses.ts';
import { Trainer } from '../../train/trainer.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await ch06_02.prepare!();
});

describe('ch07-04', () => {
  it('the weight tiles are W’s columns; the hot `sample` option picks the test image without restarting the run', () => {
    const t = new Trainer(ch07_04, 1, { speed: 0, batchSize: 100 }, 20, false);
    t.trainStep();
    const generation = t.generation;
    expect(t.setValues({ sample: 3 })).toEqual({ sample: [0, 3] });
    expect([t.generation, t.step]).toEqual([generation, 1]);
    const model = t.runs[0]!.model;
    const v = model.views!();
    const W = model.params[model.paramNames.indexOf('fc1.W')]!.dataSync(); // [784, 100]
    const tiles = v.fields.fc1!;
    expect(tiles.dims).toEqual([100, 28, 28]);
    for (const [u, p] of [[0, 0], [17, 400], [99, 783]] as const) expect(tiles.data[u * 784 + p]).toBe(W[p * 100 + u]);
    const test = mnistData('test', 28);
    expect(Array.from(v.fields.digit!.data)).toEqual(Array.from(test.pixels.subarray(3 * 784, 4 * 784)));
    expect(v.layout.find((p) => p.field === 'digit')!.captions![0]).toMatch(/^#3: 0 → \d \(\d\.\d\d\)$/);
    // σ activations of 100 units: a 10 × 10 grid of values in (0, 1)
    expect(v.fields.hidden!.dims).toEqual([10, 10]);
    expect(Array.from(v.fields.hidden!.data).every((a) => a > 0 && a < 1)).toBe(true);
    t.dispose();
  });
});

describe('ch06-02', () => {
  it('the confusion matrix and the gallery come from the last evaluation: its accuracy, its misclassified images', () => {
    const t = new Trainer(ch06_02, 1, { speed: 0 }, 20, false);
    for (let i = 0; i < 5; i++) t.trainStep();
    expect(t.runs[0]!.model.views!().layout.map((p) => p.kind)).toEqual(['tiles', 'text', 'text']);
    const { testAccuracy } = t.evaluateNow();
    const v = t.runs[0]!.model.views!();
    const confusion = Array.from(v.fields.confusion!.data);
    expect(confusion.reduce((a, b) => a + b, 0)).toBe(10_000);
    const trace = confusion.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
    expect(trace / 10_000).toBeCloseTo(testAccuracy!, 10);
    const test = mnistData('test', 28);
    const gallery = v.layout.find((p) => p.field === 'gallery')!;
    expect(v.fields.gallery!.dims).toEqual([12, 28, 28]);
    // Tile k is the k-th misclassified test image of the evaluation, captioned with its true label.
    const record = (t.runs[0]!.model as ClassifierModel).lastEvaluation()!;
    expect(record.misclassified.length).toBe(12);
    record.misclassified.forEach((m, k) => {
      expect(Array.from(v.fields.gallery!.data.subarray(k * 784, (k + 1) * 784))).toEqual(Array.from(test.pixels.subarray(m.index * 784, (m.index + 1) * 784)));
      const [, label, predicted] = /^(\d) → (\d) \(/.exec(gallery.captions![k]!)!.map(Number) as [number, number, number];
      expect([label, predicted]).toEqual([test.labels[m.index], m.predicted]);
      expect(label).not.toBe(predicted);
    });
    t.dispose();
  });
});

describe('ch08-01', () => {
  it('the gradient norms are ‖∂L/∂W‖ of the probe batch, as tf.variableGrads gives them through the forward pass', async () => {
    await ch08_01.prepare!();
    const t = new Trainer(ch08_01, 1, { speed: 0, batchSize: 100 }, 20, false);
    for (let i = 0; i < 2; i++) t.trainStep();
    const train = mnistData('train', 28);
    const x = tf.tensor2d(train.pixels.subarray(0, PROBE_ROWS * 784), [PROBE_ROWS, 784]);
    const y = tf.tensor1d(train.labels.subarray(0, PROBE_ROWS), 'int32');
    t.runs.forEach((run, r) => {
      const model = run.model;
      const v = model.views!();
      const Ws = ['fc1.W', 'fc2.W', 'fc3.W'].map((n) => model.params[model.paramNames.indexOf(n)]!);
      // The same loss through net.forward, which the lesson's loss uses: logits of the probe batch.
      const { value, grads } = tf.variableGrads(() => {
        const h1 = tf.add(tf.matMul(x, Ws[0]!), model.params[1]!);
        const act = (z: tf.Tensor) => (r === 0 ? tf.sigmoid(z) : r === 1 ? tf.tanh(z) : tf.relu(z));
        const h2 = tf.add(tf.matMul(act(h1), Ws[1]!), model.params[3]!);
        return softmaxCrossEntropy(tf.add(tf.matMul(act(h2), Ws[2]!), model.params[5]!) as tf.Tensor2D, y);
      }, Ws);
      const expected = Ws.map((w) => Math.hypot(...(grads[w.name]!.dataSync() as Float32Array)));
      tf.dispose([value, ...Object.values(grads)]);
      const got = Array.from(v.fields.gradNorm!.data);
      got.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 6));
      // the activation histograms count every value of both hidden layers
      const counts = Array.from(v.fields.acts!.data);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2 * 50 * PROBE_ROWS);
    });
    // vanishing gradients: with σ, the first layer's gradient is the smallest of the three
    const sigmoid = Array.from(t.runs[0]!.model.views!().fields.gradNorm!.data);
    expect(sigmoid[0]).toBeLessThan(sigmoid[2]!);
    tf.dispose([x, y]);
    t.dispose();
  });
});
