/**
 * The MNIST lessons' "draw a digit" option (LessonOption kind 'drawing', hot): a drawn image reaches the views
 * without restarting the run (ch09-05: it replaces the chosen test image as the input tile, the feature maps
 * and the prediction; ch06-02: a "your drawing" group with the image and the 10 probabilities), clearing it
 * goes back, and validation refuses an image of the wrong size. Predictions are checked against a forward
 * pass of their own: a copy of the CNN holding the trained weights, x·W + b for the softmax classifier.
 */
import * as tf from '@tensorflow/tfjs-core';
import { decodeFrame, type DemoPanel, encodeFrame, type Frame, validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select.ts';
import { createRng } from '../data/prng.ts';
import { framesOf } from '../probe/trainerFrames.ts';
import { Trainer } from '../train/trainer.ts';
import { ch06_02 } from './ch06-02/model.ts';
import { ch09_05 } from './ch09-05/model.ts';
import { getTrainingLesson } from './registry.ts';
import { buildCnn, type CnnSpec } from '../train/nets/cnn.ts';

beforeAll(async () => {
  await selectBackend('wasm');
  await ch09_05.prepare!();
  await ch06_02.prepare!();
});

/** A side×side image, 0 background, a white vertical bar (a "1") in columns c0…c0+1, rows 2…side−3. */
function bar(side: number, c0: number): Uint8Array {
  const img = new Uint8Array(side * side);
  for (let r = 2; r < side - 2; r++) img[r * side + c0] = img[r * side + c0 + 1] = 255;
  return img;
}
const b64 = (img: Uint8Array): string => Buffer.from(img).toString('base64');

/** The room's path: validate against the lesson's controls (with the lr schedule ones), then apply. */
function drawIn(t: Trainer, id: string, value: string): Record<string, [unknown, unknown]> {
  const checked = validateOptionValues({ drawn: value }, getTrainingLesson(id)!.info.options ?? []);
  if (!checked.ok) throw new Error(checked.error.message);
  return t.setValues(checked.values);
}

/** The panels frame now, and its layout. */
function panels(t: Trainer): { frame: Frame; layout: DemoPanel[] } {
  const frame = framesOf(t, new Set(['panels']), { all: true }).find((f) => f.channel === 'panels')!;
  return { frame, layout: JSON.parse(String(frame.meta.layout)) as DemoPanel[] };
}

/** "d (p)" for logits: the argmax and its softmax probability to 2 decimals, computed here in float64. */
function prediction(logits: ArrayLike<number>): string {
  const z = Array.from(logits);
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  const k = z.indexOf(m);
  return `${k} (${((e[k] as number) / s).toFixed(2)})`;
}

describe('ch09-05: a drawn digit', () => {
  const spec: CnnSpec = {
    side: 16,
    inCh: 1,
    convs: [
      { out: 16, k: 5, pad: 2 },
      { out: 32, k: 5, pad: 2 },
    ],
    pool: 2,
    classes: 10,
    activation: 'relu',
    batchNorm: false,
  };

  it('replaces the chosen test image: input tile, feature maps and prediction, live; clearing goes back', () => {
    const t = new Trainer(ch09_05, 1, { speed: 0 }, 20, false);
    for (let i = 0; i < 3; i++) t.trainStep(); // weights that are not the initial ones
    t.state = 'paused';
    const generation = t.generation;
    const before = panels(t);
    const inputOf = (layout: DemoPanel[]) => layout.find((p) => p.field === 'sample')!;
    expect(inputOf(before.layout).captions![0]).toMatch(/^#3: 0 → \d \(\d\.\d\d\)$/);

    const img = bar(16, 7);
    const value = b64(img);
    expect(drawIn(t, 'ch09-05', value)).toEqual({ drawn: ['', value] });
    expect([t.generation, t.step]).toEqual([generation, 3]); // hot: the run goes on
    const { frame, layout } = panels(t);
    expect(Array.from(frame.fields.sample!.data)).toEqual(Array.from(img, (v) => v / 255));
    expect(inputOf(layout).title).toBe('input: your drawing');

    // The same net, weights copied by name, on the bar: its conv1 maps and its prediction.
    const copy = buildCnn(spec, 'default', createRng(99));
    const model = t.runs[0]!.model;
    copy.names.forEach((n, i) => copy.params[i]!.assign(model.params[model.paramNames.indexOf(n)]!));
    const acts = tf.tidy(() => copy.activations!(tf.tensor(img, [1, 256]).div(255)));
    const conv1 = acts.conv1!.dataSync(); // [1, 16, 16, 16], channel fastest
    const logits = acts.logits!.dataSync();
    tf.dispose(Object.values(acts));
    copy.dispose();
    expect(inputOf(layout).captions![0]).toBe(`→ ${prediction(logits)}`);
    const map = frame.fields['map.conv1']!; // [16 channels, 16, 16]
    expect(map.dims).toEqual([16, 16, 16]);
    for (const [ch, p] of [[0, 0], [3, 7 * 16 + 7], [15, 255]] as const) expect(map.data[ch * 256 + p]).toBeCloseTo(conv1[p * 16 + ch]!, 5);

    expect(drawIn(t, 'ch09-05', '')).toEqual({ drawn: [value, ''] });
    const after = panels(t);
    expect(inputOf(after.layout).captions![0]).toMatch(/^#3: 0 → /);
    expect(Array.from(after.frame.fields.sample!.data)).toEqual(Array.from(before.frame.fields.sample!.data));
    t.dispose();
  }, 60_000);

  it('refuses an image of the wrong size, naming it', () => {
    const controls = getTrainingLesson('ch09-05')!.info.options ?? [];
    const r = validateOptionValues({ drawn: b64(bar(28, 13)) }, controls);
    expect(r.ok ? 'accepted' : r.error.message).toBe('drawn: expected 256 pixels, got 784 (a 16×16 drawing)');
    expect(validateOptionValues({ drawn: b64(bar(16, 7)).slice(0, -4) }, controls).ok).toBe(false);
  });
});

describe('ch06-02: a drawn digit', () => {
  it('shows as "your drawing": the image and softmax(x·W + b) of it, only while there is one', () => {
    const t = new Trainer(ch06_02, 1, { speed: 0 }, 20, false);
    for (let i = 0; i < 20; i++) t.trainStep();
    t.state = 'paused';
    expect(panels(t).frame.fields.drawn).toBeUndefined();
    expect(panels(t).layout.some((p) => p.group === 'your drawing')).toBe(false);

    const img = bar(28, 13);
    drawIn(t, 'ch06-02', b64(img));
    const { frame, layout } = panels(t);
    const group = layout.filter((p) => p.group === 'your drawing');
    expect(group.map((p) => [p.kind, p.field])).toEqual([
      ['tiles', 'drawn'],
      ['grid', 'drawn.p'],
    ]);
    // Beside the templates: right after them.
    expect(layout.findIndex((p) => p.field === 'drawn')).toBe(layout.findIndex((p) => p.field === 'templates') + 1);
    expect(frame.fields.drawn!.dims).toEqual([1, 28, 28]);
    expect(Array.from(frame.fields.drawn!.data)).toEqual(Array.from(img, (v) => v / 255));

    const model = t.runs[0]!.model;
    const [W, b] = ['fc1.W', 'fc1.b'].map((n) => model.params[model.paramNames.indexOf(n)]!);
    const logits = tf.tidy(() => tf.tensor2d(img, [1, 784]).div(255).matMul(W!).add(b!).dataSync());
    const p = tf.tidy(() => tf.softmax(tf.tensor1d(logits)).dataSync());
    expect(frame.fields['drawn.p']!.dims).toEqual([1, 10]);
    Array.from(frame.fields['drawn.p']!.data).forEach((v, d) => expect(Math.abs(v - p[d]!)).toBeLessThanOrEqual(0.005 + 1e-6));
    expect(group[0]!.captions![0]).toBe(`→ ${prediction(logits)}`);
    // Through the codec: the image 8-bit quantised (within half a level of 1/254), the probabilities exact.
    const decoded = decodeFrame(encodeFrame(frame));
    expect(decoded.fields.drawn!.dims).toEqual([1, 28, 28]);
    Array.from(decoded.fields.drawn!.data).forEach((v, k) => expect(Math.abs(v - img[k]! / 255)).toBeLessThan(0.5 / 254 + 1e-6));
    expect(Array.from(decoded.fields['drawn.p']!.data)).toEqual(Array.from(frame.fields['drawn.p']!.data));

    drawIn(t, 'ch06-02', '');
    expect(panels(t).frame.fields.drawn).toBeUndefined();
    t.dispose();
  }, 60_000);

  it('takes 28×28 images only', () => {
    const controls = getTrainingLesson('ch06-02')!.info.options ?? [];
    expect(validateOptionValues({ drawn: b64(bar(28, 13)) }, controls).ok).toBe(true);
    const r = validateOptionValues({ drawn: b64(bar(16, 7)) }, controls);
    expect(r.ok ? 'accepted' : r.error.message).toBe('drawn: expected 784 pixels, got 256 (a 28×28 drawing)');
  });
});
