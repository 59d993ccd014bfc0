/**
 * ch04-02's two fitted planes (one heatmap per output over the (x1, x2) square, the model's own prediction), and
 * ch04-01's plane with its data drawn on it; ch07-03's `seed` option, which re-draws the initial weights. CPU backend.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { OptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson } from './registry.ts';
import type { DemoView, LessonModel } from './types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function trainer(id: string, values: OptionValues = {}, seed = 1): Trainer {
  const t = new Trainer(getTrainingLesson(id)!, seed, { speed: 0 }, 20, false);
  if (Object.keys(values).length) t.setValues(values);
  return t;
}
const viewOf = (t: Trainer): DemoView => t.runs[0]!.model.views!();
const data = (v: DemoView, name: string): number[] => Array.from(v.fields[name]!.data);
const params = (m: LessonModel): number[][] => m.params.map((p) => Array.from(p.dataSync()));

/** The model's prediction ŷ for one input row, as the network computes it (x·W + b). */
function predict(m: LessonModel, x1: number, x2: number): number[] {
  const W = m.params[m.paramNames.indexOf('fc1.W')]!;
  const b = m.params[m.paramNames.indexOf('fc1.b')]!;
  const y = tf.tidy(() => tf.add(tf.matMul(tf.tensor2d([[x1, x2]]), W), b));
  const out = Array.from(y.dataSync());
  y.dispose();
  return out;
}

describe('ch04-02: the two fitted planes', () => {
  it('one 11 × 11 grid per output over (x1, x2), each cell the model’s prediction (checked at the corners)', () => {
    const t = trainer('ch04-02');
    for (let i = 0; i < 5; i++) t.trainStep();
    const m = t.runs[0]!.model;
    const v = viewOf(t);
    for (const k of [0, 1]) {
      const name = `plane${k + 1}`;
      expect(v.fields[name]!.dims).toEqual([11, 11]);
      const panel = v.layout.find((p) => p.field === name)!;
      expect(panel).toMatchObject({ kind: 'grid', xLabel: 'x1', yLabel: 'x2' });
      expect(panel.title).toContain(`ŷ${k + 1}`);
      const plane = data(v, name);
      // Row 0 at the top (x2 = 1), column 0 at x1 = −1.
      expect(plane[0]).toBeCloseTo(predict(m, -1, 1)[k]!, 5);
      expect(plane[10]).toBeCloseTo(predict(m, 1, 1)[k]!, 5);
      expect(plane[120]).toBeCloseTo(predict(m, 1, -1)[k]!, 5);
    }
    // Each plane carries its output's data: (x1, x2, y_k) rows, on the diagonal x1 = x2 as in the course.
    for (const k of [0, 1]) {
      const panel = v.layout.find((p) => p.field === `plane${k + 1}`)!;
      expect(panel).toMatchObject({ points: `plane${k + 1}.points`, extent: [-1, 1, -1, 1] });
      const pts = data(v, `plane${k + 1}.points`);
      expect(v.fields[`plane${k + 1}.points`]!.dims).toEqual([20, 3]);
      Array.from({ length: 20 }, (_, i) => expect(pts[3 * i]).toBe(pts[3 * i + 1]));
    }
    // The targets differ between the outputs (y1 = x1 + x2 + 1, y2 = −x1 + 3x2 − 1): at x = (−1, −1), y1 ≈ −1, y2 ≈ −3.
    expect(data(v, 'plane1.points')[2]).toBeCloseTo(-1, 1);
    expect(data(v, 'plane2.points')[2]).toBeCloseTo(-3, 1);
    expect(v.fields.inputs).toBeUndefined();
    t.dispose();
  });

  it('de-correlated inputs: the data’s (x1, x2) leave the diagonal on both planes', () => {
    const t = trainer('ch04-02', { decorrelate: true });
    const v = viewOf(t);
    for (const name of ['plane1.points', 'plane2.points']) {
      const pts = data(v, name);
      expect(Array.from({ length: 20 }, (_, i) => pts[3 * i] === pts[3 * i + 1]).some(Boolean)).toBe(false);
    }
    // The same inputs under both planes.
    const [a, b] = [data(v, 'plane1.points'), data(v, 'plane2.points')];
    Array.from({ length: 20 }, (_, i) => expect([a[3 * i], a[3 * i + 1]]).toEqual([b[3 * i], b[3 * i + 1]]));
    t.dispose();
  });
});

describe('ch04-01: the plane with its data on it', () => {
  it('the plane is the model’s prediction, and the data (x1, x2, y) lie on x1 = x2 over it', () => {
    const t = trainer('ch04-01');
    t.trainStep();
    const m = t.runs[0]!.model;
    const v = viewOf(t);
    expect(data(v, 'plane')[120]).toBeCloseTo(predict(m, 1, -1)[0]!, 5);
    expect(v.layout.find((p) => p.field === 'plane')).toMatchObject({ kind: 'grid', points: 'plane.points', extent: [-1, 1, -1, 1] });
    expect(v.fields['plane.points']!.dims).toEqual([20, 3]);
    const pts = data(v, 'plane.points');
    Array.from({ length: 20 }, (_, i) => expect(pts[3 * i]).toBe(pts[3 * i + 1]));
    // y = x1 + x2 + 1 + ε (std 1): the targets scatter around the true plane, not on it.
    const residuals = Array.from({ length: 20 }, (_, i) => pts[3 * i + 2]! - (2 * pts[3 * i]! + 1));
    expect(Math.max(...residuals.map(Math.abs))).toBeGreaterThan(0.3);
    expect(v.fields.inputs).toBeUndefined();
    t.dispose();
  });
});

describe('ch07-03: the init seed option', () => {
  const initial = (values: OptionValues, roomSeed = 1): number[][] => {
    const t = trainer('ch07-03', values, roomSeed);
    const p = params(t.runs[0]!.model);
    t.dispose();
    return p;
  };

  it('two seeds give different initial weights, the same seed the same weights (whatever the room)', () => {
    const a = initial({ seed: 7 });
    expect(initial({ seed: 7 })).toEqual(a);
    expect(initial({ seed: 7 }, 99)).toEqual(a);
    const b = initial({ seed: 8 });
    expect(b).not.toEqual(a);
    expect(b.map((p) => p.length)).toEqual(a.map((p) => p.length));
  });

  it('seed 0 (the default) keeps the room’s seed: the weights of a build without the option', () => {
    expect(initial({ seed: 0 })).toEqual(initial({}));
    expect(initial({}, 2)).not.toEqual(initial({}, 1));
  });

  it('the control is an integer 0…999 whose help says some seeds fail', () => {
    const c = getTrainingLesson('ch07-03')!.info.options!.find((k) => k.name === 'seed')!;
    expect(c).toMatchObject({ kind: 'integer', default: 0, min: 0, max: 999 });
    expect(c.help).toMatch(/never learn XOR/);
  });
});
