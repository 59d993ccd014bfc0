/**
 * ch04-02's two fitted planes (one heatmap per output over the (x1, x2) square, the model's own prediction), and
 * ch04-01's plane beside its data; ch07-03's `seed` option, which re-draws the initial weights. CPU backend.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { DemoValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson } from './index.ts';
import type { DemoView, LessonModel } from './types.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function trainer(id: string, values: DemoValues = {}, seed = 1): Trainer {
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
    // The course's collinear inputs: no scatter of the inputs (the output panels plot the data along x1 = x2).
    expect(v.fields.inputs).toBeUndefined();
    t.dispose();
  });

  it('de-correlated inputs: the data’s (x1, x2) beside the planes, in their group', () => {
    const t = trainer('ch04-02', { decorrelate: true });
    const v = viewOf(t);
    const reg = v.fields.inputs!;
    expect(reg.dims).toEqual([20, 2]);
    const scatter = v.layout.find((p) => p.field === 'inputs')!;
    expect(scatter.kind).toBe('scatter');
    expect(scatter.group).toBe(v.layout.find((p) => p.field === 'plane1')!.group);
    const xs = data(v, 'inputs');
    expect(Array.from({ length: 20 }, (_, i) => xs[2 * i] === xs[2 * i + 1]).some(Boolean)).toBe(false);
    t.dispose();
  });
});

describe('ch04-01: the plane beside its data', () => {
  it('the plane is the model’s prediction, and the data’s inputs lie on x1 = x2 beside it', () => {
    const t = trainer('ch04-01');
    t.trainStep();
    const m = t.runs[0]!.model;
    const v = viewOf(t);
    expect(data(v, 'plane')[120]).toBeCloseTo(predict(m, 1, -1)[0]!, 5);
    const xs = data(v, 'inputs');
    expect(v.fields.inputs!.dims).toEqual([20, 2]);
    Array.from({ length: 20 }, (_, i) => expect(xs[2 * i]).toBe(xs[2 * i + 1]));
    expect(v.layout.find((p) => p.field === 'inputs')!.group).toBe(v.layout.find((p) => p.field === 'plane')!.group);
    t.dispose();
  });
});

describe('ch07-03: the init seed option', () => {
  const initial = (values: DemoValues, roomSeed = 1): number[][] => {
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
    const c = getTrainingLesson('ch07-03')!.info.demoControls!.find((k) => k.name === 'seed')!;
    expect(c).toMatchObject({ kind: 'integer', default: 0, min: 0, max: 999 });
    expect(c.help).toMatch(/never learn XOR/);
  });
});
