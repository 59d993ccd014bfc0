import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { Hyperparams } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.ts';
import { classifierModel, EVAL_CHUNK } from '../../lessons/classifier.ts';
import { memoryRows } from '../../lessons/memoryRows.ts';
import { buildMlp } from '../../train/nets/mlp.ts';
import { confusionView, EvaluationRecorder, galleryView, misclassifiedCaption } from './gallery.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('EvaluationRecorder', () => {
  it('counts true × predicted over chunks and keeps the first misclassified in set order', () => {
    const r = new EvaluationRecorder(3, 2);
    // chunk 1, rows 0–3: right, right, 2 → 0, right
    expect(r.add(0, [0, 1, 2, 2], [0, 1, 0, 2], [0.9, 0.8, 0.6, 0.7])).toBe(3);
    // chunk 2, rows 4–6: 1 → 2, 0 → 2 (the third error: not kept), right
    expect(r.add(4, [1, 0, 1], [2, 2, 1], [0.5, 0.4, 0.99])).toBe(1);
    const rec = r.finish();
    expect(rec.n).toBe(7);
    // rows: true 0 → [1, 0, 1], true 1 → [0, 2, 1], true 2 → [1, 0, 1]
    expect(Array.from(rec.confusion)).toEqual([1, 0, 1, 0, 2, 1, 1, 0, 1]);
    expect(rec.misclassified).toEqual([
      { index: 2, label: 2, predicted: 0, confidence: 0.6 },
      { index: 4, label: 1, predicted: 2, confidence: 0.5 },
    ]);
    expect(misclassifiedCaption(rec.misclassified[0]!)).toBe('2 → 0 (0.60)');
    expect(misclassifiedCaption(rec.misclassified[1]!, ['a', 'b', 'c'])).toBe('b → c (0.50)');
  });
});

describe('gallery and confusion views', () => {
  const rec = { classes: 2, n: 3, confusion: Int32Array.of(1, 1, 1, 0), misclassified: [{ index: 1, label: 0, predicted: 1, confidence: 0.75 }, { index: 2, label: 1, predicted: 0, confidence: 0.5 }] };
  // Three 2×2 images: image i has pixels i/10 + [0, .01, .02, .03].
  const pixels = Float32Array.from({ length: 12 }, (_, k) => Math.floor(k / 4) / 10 + (k % 4) / 100);

  it('the gallery holds the misclassified images themselves, captioned', () => {
    const v = galleryView('g', 'gallery', rec, pixels, 2);
    expect(v.fields.g).toMatchObject({ dtype: 'q8', dims: [2, 2, 2] });
    expect(Array.from(v.fields.g!.data)).toEqual(Array.from(pixels.subarray(4, 12)));
    expect(v.layout[0]).toMatchObject({ kind: 'tiles', scale: 'grey', captions: ['0 → 1 (0.75)', '1 → 0 (0.50)'] });
  });

  it('the confusion matrix is a [classes, classes] grid; both say so in text before the first evaluation', () => {
    const c = confusionView('c', 'confusion', rec);
    expect(c.fields.c).toMatchObject({ dtype: 'i32', dims: [2, 2] });
    expect(c.layout[0]).toMatchObject({ kind: 'grid', xLabel: 'predicted class', yLabel: 'true class' });
    expect(confusionView('c', 'confusion', null).layout[0]!.kind).toBe('text');
    expect(galleryView('g', 'gallery', null, pixels, 2).layout[0]!.kind).toBe('text');
    expect(galleryView('g', 'gallery', { ...rec, misclassified: [] }, pixels, 2).layout[0]!.kind).toBe('text');
  });
});

describe('classifierModel records its evaluation', () => {
  it('confusion and misclassified samples over several chunks agree with predictions computed by hand', () => {
    // A linear 2 → 3 classifier with logits x·W, W = [[1, 0, -1], [0, 1, -1]] (bias 0): class 0 when x0 is the
    // largest of (x0, x1, −x0 − x1), class 1 when x1 is, class 2 when both are negative enough.
    const n = EVAL_CHUNK * 2 + 500;
    const rng = createRng(7);
    const x = Float32Array.from({ length: 2 * n }, () => rng.uniform() * 4 - 2);
    const y = Int32Array.from({ length: n }, () => rng.int(3));
    const hp = { batchSize: 10, dropout: 0 } as Hyperparams;
    const net = buildMlp({ sizes: [2, 3], activation: 'identity', batchNorm: false, dropout: false }, 'default', createRng(1), hp);
    net.params[0]!.assign(tf.tensor2d([1, 0, -1, 0, 1, -1], [2, 3]));
    net.params[1]!.assign(tf.zeros([3]));
    const model = classifierModel(net, memoryRows({ xDim: 2, x, y }), memoryRows({ xDim: 2, x, y }), hp);
    expect(model.lastEvaluation()).toBeNull();
    const before = tf.memory().numTensors;
    const job = model.evaluate!();
    let r = job.next();
    let chunks = 0;
    while (!r.done) {
      chunks += 1;
      r = job.next();
    }
    expect(chunks).toBe(3);
    expect(tf.memory().numTensors).toBe(before);

    const confusion = new Int32Array(9);
    const wrong: { index: number; label: number; predicted: number; confidence: number }[] = [];
    for (let i = 0; i < n; i++) {
      const [a, b] = [x[2 * i]!, x[2 * i + 1]!];
      const logits = [a, b, -a - b];
      const p = logits.indexOf(Math.max(...logits));
      confusion[y[i]! * 3 + p]! += 1;
      const e = logits.map((l) => Math.exp(l));
      if (p !== y[i] && wrong.length < 12) wrong.push({ index: i, label: y[i]!, predicted: p, confidence: e[p]! / (e[0]! + e[1]! + e[2]!) });
    }
    const rec = model.lastEvaluation()!;
    expect(rec.n).toBe(n);
    expect(Array.from(rec.confusion)).toEqual(Array.from(confusion));
    expect(rec.misclassified.map((m) => [m.index, m.label, m.predicted])).toEqual(wrong.map((m) => [m.index, m.label, m.predicted]));
    rec.misclassified.forEach((m, i) => expect(m.confidence).toBeCloseTo(wrong[i]!.confidence, 5));
    expect(r.value.testAccuracy).toBeCloseTo((confusion[0]! + confusion[4]! + confusion[8]!) / n, 10);
    model.dispose();
  });
});
