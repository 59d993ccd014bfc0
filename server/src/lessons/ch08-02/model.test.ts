/**
 * ch08-02's layer-list option: any list within the control's limits builds that network (parameter count
 * Σ (n_in + 1)·n_out) and trains, the presets are valid lists, a bad list never reaches a build as anything but
 * the course's, and the views draw the regions beside the network graph of the chosen depth. CPU backend: tiny
 * models.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { type DemoPanel, validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../../train/trainer.ts';
import { ch08_02 } from './model.ts';
import { getTrainingLesson } from '../registry.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const lesson = () => getTrainingLesson('ch08-02')!;
const control = () => (lesson().info.options ?? []).find((c) => c.name === 'layers')!;
/** Parameters of a dense ReLU stack: Σ (n_in + 1)·n_out. */
const params = (sizes: number[]) => sizes.slice(1).reduce((sum, n, l) => sum + (sizes[l]! + 1) * n, 0);

describe('ch08-02: the layer list', () => {
  it('declares a layers control: the course’s list by default, its three lists as presets, each valid', () => {
    const c = control();
    expect(c).toMatchObject({ kind: 'layers', default: '2-10-10-3', options: ['2-10-10-3', '2-50-3', '2-10-10-10-3'] });
    expect(c.layers).toEqual({ input: 2, output: 3, minHidden: 1, maxHidden: 6, minUnits: 1, maxUnits: 128 });
    for (const v of [c.default, ...c.options!]) expect(validateOptionValues({ layers: v }, [c]).ok, String(v)).toBe(true);
    // The control goes out as JSON (snapshots, the lesson list): nothing is lost on the way.
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('builds and trains a list that is not a preset (2-16-8-8-3), then another depth without leaking tensors', () => {
    const t = new Trainer(lesson(), 1, { speed: 0, lr: 0.1 }, 20, false);
    expect(t.runs[0]!.paramCount()).toBe(173);
    t.setValues({ layers: '2-16-8-8-3' });
    expect(t.step).toBe(0);
    expect(t.runs[0]!.paramCount()).toBe(params([2, 16, 8, 8, 3]));
    expect(t.runs[0]!.model.paramNames.filter((n) => n.endsWith('.W'))).toEqual(['fc1.W', 'fc2.W', 'fc3.W', 'fc4.W']);
    const losses = Array.from({ length: 5 }, () => t.trainStep());
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(t.step).toBe(5);
    t.setValues({ layers: '2-128-3' });
    expect(t.runs[0]!.paramCount()).toBe(params([2, 128, 3]));
    // The classifier keeps its last 20 batches' accuracy as scalars: measure once they are all there.
    for (let i = 0; i < 20; i++) t.trainStep();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) t.trainStep();
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('a build given a list outside the limits (only possible outside options:set) builds the course’s network', () => {
    for (const layers of ['2-500-3', '2-10-10', 'junk', 42]) {
      const model = ch08_02.build({ tf, seed: 1, hp: new Trainer(lesson(), 1).hp, variant: null, options: { layers } });
      expect(model.params.reduce((n, p) => n + p.size, 0), String(layers)).toBe(173);
      model.dispose?.();
    }
  });

  it('draws the regions beside the network graph of the chosen layers (biases as node fills; wide layers cut to 16)', () => {
    const t = new Trainer(lesson(), 1, { speed: 0 }, 20, false);
    t.setValues({ layers: '2-16-8-8-3' });
    t.trainStep();
    let v = t.runs[0]!.model.views!();
    const kinds = v.layout.map((p) => [p.kind, p.group]);
    expect(kinds).toEqual([
      ['regions', 'decision regions and network'],
      ['network', 'decision regions and network'],
    ]);
    const net = v.layout[1] as DemoPanel;
    expect(net.sizes).toEqual([2, 16, 8, 8, 3]);
    expect(net.totals).toBeUndefined();
    expect(v.fields['network.w']!.dims).toEqual([2 * 16 + 16 * 8 + 8 * 8 + 8 * 3]);
    // Node fills: NaN for the 2 inputs, then the biases, layer by layer.
    const fills = Array.from(v.fields['network.values']!.data);
    expect(fills.slice(0, 2).every(Number.isNaN)).toBe(true);
    const b1 = Array.from(t.runs[0]!.model.params[t.runs[0]!.model.paramNames.indexOf('fc1.b')]!.dataSync());
    fills.slice(2, 18).forEach((f, i) => expect(f).toBeCloseTo(b1[i]!, 6));
    t.setValues({ layers: '2-50-3' });
    v = t.runs[0]!.model.views!();
    const cut = v.layout[1] as DemoPanel;
    expect([cut.sizes, cut.totals]).toEqual([
      [2, 16, 3],
      [2, 50, 3],
    ]);
    t.dispose();
  });
});
