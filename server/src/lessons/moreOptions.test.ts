/**
 * More comparison lessons whose options set their variants (variantsFor): ch08-07's momentum and learning rates
 * (the catalogue's live controls "momentum, lr") and ch07-05's activation per model. Each option is declared with
 * the course's value as its default, is not hot (it restarts the run), and the runs' labels, fixed hyperparameters
 * and models follow it. CPU backend: ch08-07's one-weight runs take a few steps; ch07-05 takes one MNIST step.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { validateOptionValues } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from '../train/trainer.ts';
import { control, labels, lesson } from './lessonTestKit.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});


describe('ch08-07: momentum and the learning rates', () => {
  const COURSE_LABELS = [
    'w³, μ = 0',
    'w³, μ = 0.9',
    'quartic, μ = 0',
    'quartic, μ = 0.9',
    'quartic + gradient noise, μ = 0',
    'quartic + gradient noise, μ = 0.9',
  ];
  /** w_k of run r: the path's x column holds θ_k for every step k. */
  const path = (t: Trainer, r: number): number[] => t.path.columns[3 * r]!;

  it('are options with the course’s values by default, not hot, named in the description', () => {
    expect(control('ch08-07', 'momentum')).toMatchObject({ kind: 'number', default: 0.9, min: 0, max: 0.99 });
    expect(control('ch08-07', 'cubicLr')).toMatchObject({ kind: 'number', default: 0.01 });
    expect(control('ch08-07', 'quarticLr')).toMatchObject({ kind: 'number', default: 0.001 });
    for (const name of ['momentum', 'cubicLr', 'quarticLr']) {
      const c = control('ch08-07', name);
      expect(c.hot).toBeFalsy();
      expect(c.help).toMatch(/Restarts the run/);
    }
    expect(validateOptionValues({ momentum: 1 }, [control('ch08-07', 'momentum')]).ok).toBe(false);
    const d = lesson('ch08-07').info.description;
    expect(d).toMatch(/momentum μ of the three momentum runs/);
    expect(d).toMatch(/cubicLr/);
    expect(d).toMatch(/quarticLr/);
    const l = lesson('ch08-07');
    expect(l.variants!.map((v) => v.label)).toEqual(COURSE_LABELS);
    expect(l.variants!.map((v) => [v.hp?.momentum, v.hp?.lr])).toEqual([
      [0, 0.01],
      [0.9, 0.01],
      [0, 0.001],
      [0.9, 0.001],
      [0, 0.001],
      [0.9, 0.001],
    ]);
    expect(l.variantsFor!({})).toEqual(l.variants);
  });

  it('set the momentum runs’ μ and labels and each objective’s lr at the restart; the plain runs keep μ = 0', () => {
    const t = new Trainer(lesson('ch08-07'), 1, { speed: 0 }, 20, false);
    expect(labels(t)).toEqual(COURSE_LABELS);
    t.trainStep();
    const g = t.generation;
    t.setValues({ momentum: 0.8, cubicLr: 0.02, quarticLr: 0.002 });
    expect(t.generation).toBe(g + 1);
    expect(t.step).toBe(0);
    expect(labels(t)).toEqual([
      'w³, μ = 0',
      'w³, μ = 0.8',
      'quartic, μ = 0',
      'quartic, μ = 0.8',
      'quartic + gradient noise, μ = 0',
      'quartic + gradient noise, μ = 0.8',
    ]);
    expect(t.runs.map((r) => [r.hp.optimizer, r.hp.momentum, r.hp.lr])).toEqual([
      ['momentum', 0, 0.02],
      ['momentum', 0.8, 0.02],
      ['momentum', 0, 0.002],
      ['momentum', 0.8, 0.002],
      ['momentum', 0, 0.002],
      ['momentum', 0.8, 0.002],
    ]);
    // The room's lr cannot override what the variants fix.
    t.applyPatch({ lr: 0.5 });
    expect(t.runs.map((r) => r.hp.lr)).toEqual([0.02, 0.02, 0.002, 0.002, 0.002, 0.002]);
    // One step at the new lrs: w³ from 4, 4 − 0.02·48 = 3.04; the quartic from 6, 6 − 0.002·592 = 4.816.
    t.trainStep();
    t.trainStep();
    expect(path(t, 0)[1]).toBeCloseTo(3.04, 4);
    expect(path(t, 2)[1]).toBeCloseTo(4.816, 3);
    // μ = 0: the momentum runs say which they are and follow the plain ones step for step.
    t.setValues({ momentum: 0, cubicLr: 0.01, quarticLr: 0.001 });
    expect(labels(t)[1]).toBe('w³, μ = 0 (momentum run)');
    expect(labels(t)[3]).toBe('quartic, μ = 0 (momentum run)');
    for (let i = 0; i < 4; i++) t.trainStep();
    expect(path(t, 1)).toEqual(path(t, 0));
    expect(path(t, 3)).toEqual(path(t, 2));
    t.dispose();
  });

  it('the momentum run’s path follows μ: 0.5 vs the course’s 0.9 on w³', () => {
    const at = (momentum: number): number[] => {
      const t = new Trainer(lesson('ch08-07'), 1, { speed: 0 }, 20, false);
      t.setValues({ momentum });
      for (let i = 0; i < 4; i++) t.trainStep();
      const p = path(t, 1).slice(0, 3);
      t.dispose();
      return p;
    };
    // buf₁ = 48, w₁ = 3.52; buf₂ = μ·48 + 3·3.52² = μ·48 + 37.1712, w₂ = 3.52 − 0.01·buf₂.
    const slow = at(0.5);
    const course = at(0.9);
    [4, 3.52, 2.908288].forEach((w, k) => expect(slow[k]).toBeCloseTo(w, 4));
    [4, 3.52, 2.71629].forEach((w, k) => expect(course[k]).toBeCloseTo(w, 4));
  });
});

describe('ch07-05: the activation per model', () => {
  it('is three options, sigmoid / tanh / ReLU, the course’s by default, not hot, named in the description', () => {
    const cs = [1, 2, 3].map((i) => control('ch07-05', `act${i}`));
    expect(cs.map((c) => [c.kind, c.default, c.options])).toEqual([
      ['enum', 'sigmoid', ['sigmoid', 'tanh', 'relu']],
      ['enum', 'tanh', ['sigmoid', 'tanh', 'relu']],
      ['enum', 'relu', ['sigmoid', 'tanh', 'relu']],
    ]);
    for (const c of cs) {
      expect(c.hot).toBeFalsy();
      expect(c.help).toMatch(/Restarts the run/);
    }
    expect(validateOptionValues({ act1: 'identity' }, cs).ok).toBe(false);
    expect(lesson('ch07-05').info.description).toMatch(/the activation of each model \(act1, act2, act3/);
    expect(lesson('ch07-05').variants!.map((v) => v.label)).toEqual(['sigmoid', 'tanh', 'ReLU']);
    // The hidden width is still there.
    expect(control('ch07-05', 'hidden')).toMatchObject({ default: 10 });
  });

  /** Each run's activation, as its model draws it: the x label of its live activation histogram, "ReLU(z)"… */
  const drawnActivations = (t: Trainer): string[] =>
    t.runs.map((r) => {
      const view = r.model.views!();
      const panel = view.layout.find((p) => p.title.startsWith('hidden activations per layer'));
      return String(panel?.xLabel);
    });

  it('sets each model’s activation and label at the restart; one activation twice trains alike', async () => {
    const l = lesson('ch07-05');
    await l.prepare?.();
    const t = new Trainer(l, 1, { speed: 0 }, 20, false);
    expect(labels(t)).toEqual(['sigmoid', 'tanh', 'ReLU']);
    const before = drawnActivations(t);
    const g = t.generation;
    t.setValues({ act1: 'relu', act2: 'sigmoid' });
    expect(t.generation).toBe(g + 1);
    expect(t.step).toBe(0);
    expect(labels(t)).toEqual(['ReLU (model 1)', 'sigmoid', 'ReLU (model 3)']);
    expect(t.runs.map((r) => r.variant?.options)).toEqual([{ activation: 'relu' }, { activation: 'sigmoid' }, { activation: 'relu' }]);
    const after = drawnActivations(t);
    expect(after[0]).toBe(before[2]);
    expect(after[1]).toBe(before[0]);
    expect(after[0]).not.toBe(after[1]);
    // Same start, same batches: models 1 and 3 (both ReLU) have the same losses; the sigmoid one another.
    t.trainStep();
    t.trainStep();
    const losses = (r: number): number[] => t.losses.columns[r]!.slice(0, 2);
    losses(0).forEach((x, i) => expect(x).toBeCloseTo(losses(2)[i]!, 5));
    expect(Math.abs(losses(1)[1]! - losses(0)[1]!)).toBeGreaterThan(1e-3);
    t.setValues({ act1: 'sigmoid', act2: 'tanh' });
    expect(labels(t)).toEqual(['sigmoid', 'tanh', 'ReLU']);
    t.dispose();
  }, 60_000);
});
