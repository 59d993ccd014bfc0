/**
 * The comparison lessons' options that set their variants (variantsFor): ch08-03/ch08-04's dropout rate, ch08-08's
 * four momenta, ch08-10's advanced runs' momentum and ch08-06's activation (course bug 16: the activation no longer
 * tied to the init). Each option is declared with the course's value as its default, restarts the run, and the
 * runs' labels, fixed hyperparameters and models follow it. CPU backend: the toy models take a few steps; the
 * MNIST lesson is built, not trained.
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

/** Every parameter of a run, flattened. */
const weights = (t: Trainer, run: number): number[] => t.runs[run]!.model.params.flatMap((p) => Array.from(p.dataSync()));
/** A run's training-mode loss on its current batch (dropout active). */
const trainingLoss = (t: Trainer, run: number): number => tf.tidy(() => t.runs[run]!.model.loss(true).dataSync()[0]!);

describe.each(['ch08-03', 'ch08-04'])('%s: the dropout run’s rate', (id) => {
  it('is an option, 0…0.9 with the course’s 0.5 by default, named in the description', () => {
    const c = control(id, 'dropout');
    expect(c).toMatchObject({ kind: 'number', default: 0.5, min: 0, max: 0.9 });
    expect(c.help).toMatch(/Restarts the run/);
    expect(validateOptionValues({ dropout: 0.95 }, [c]).ok).toBe(false);
    expect(lesson(id).info.description).toMatch(/dropout rate p/);
    // The defaults are the course's two runs.
    expect(lesson(id).variants!.map((v) => [v.label, v.hp?.dropout])).toEqual([
      ['p = 0', 0],
      ['p = 0.5', 0.5],
    ]);
  });

  it('sets the second run’s p, its label and its model at the restart; the first keeps p = 0', () => {
    // A narrow network keeps the steps quick; the width is not what is tested.
    const t = new Trainer(lesson(id), 1, { speed: 0 }, 20, false);
    t.setValues({ width: 16 });
    expect(labels(t)).toEqual(['p = 0', 'p = 0.5']);
    t.trainStep();
    const g = t.generation;
    expect(t.setValues({ dropout: 0.3 })).toEqual({ dropout: [0.5, 0.3] });
    expect(t.generation).toBe(g + 1);
    expect(t.step).toBe(0);
    expect(labels(t)).toEqual(['p = 0', 'p = 0.3']);
    expect(t.runs.map((r) => r.hp.dropout)).toEqual([0, 0.3]);
    // The room's dropout hyperparameter cannot override what the variants fix.
    t.applyPatch({ lr: 0.02 });
    expect(t.runs.map((r) => r.hp.dropout)).toEqual([0, 0.3]);
    // p = 0 for both: same weights, same data, no dropout, so the same training loss; at p = 0.9 the second
    // network drops most of its units in training and its loss parts from the first's.
    t.setValues({ dropout: 0 });
    expect(labels(t)).toEqual(['p = 0', 'p = 0 (second run)']);
    expect(trainingLoss(t, 1)).toBeCloseTo(trainingLoss(t, 0), 6);
    t.setValues({ dropout: 0.9 });
    expect(labels(t)).toEqual(['p = 0', 'p = 0.9']);
    expect(Math.abs(trainingLoss(t, 1) - trainingLoss(t, 0))).toBeGreaterThan(1e-3);
    for (let i = 0; i < 3; i++) expect(Number.isFinite(t.trainStep())).toBe(true);
    t.dispose();
  });
});

describe('ch08-08: the four runs’ momenta', () => {
  it('are four options, 0…0.99 with the course’s 0, 0.1, 0.4, 0.5 by default, named in the description', () => {
    const cs = [1, 2, 3, 4].map((i) => control('ch08-08', `momentum${i}`));
    expect(cs.map((c) => [c.kind, c.default, c.min, c.max])).toEqual([
      ['number', 0, 0, 0.99],
      ['number', 0.1, 0, 0.99],
      ['number', 0.4, 0, 0.99],
      ['number', 0.5, 0, 0.99],
    ]);
    for (const c of cs) expect(c.help).toMatch(/Restarts the run/);
    expect(lesson('ch08-08').info.description).toMatch(/Options: the four runs’ momenta/);
    expect(lesson('ch08-08').variants!.map((v) => v.label)).toEqual(['μ = 0', 'μ = 0.1', 'μ = 0.4', 'μ = 0.5']);
  });

  it('set each run’s μ, its label and its updates at the restart', () => {
    const t = new Trainer(lesson('ch08-08'), 1, { speed: 0 }, 20, false);
    expect(t.runs.map((r) => r.hp.momentum)).toEqual([0, 0.1, 0.4, 0.5]);
    t.trainStep();
    const g = t.generation;
    t.setValues({ momentum2: 0.9, momentum4: 0.25 });
    expect(t.generation).toBe(g + 1);
    expect(t.step).toBe(0);
    expect(labels(t)).toEqual(['μ = 0', 'μ = 0.9', 'μ = 0.4', 'μ = 0.25']);
    expect(t.runs.map((r) => [r.hp.optimizer, r.hp.momentum])).toEqual([
      ['momentum', 0],
      ['momentum', 0.9],
      ['momentum', 0.4],
      ['momentum', 0.25],
    ]);
    // Two runs at one μ: their legends say which is which, and they train alike (same start, same batches);
    // a run at another μ parts from them from the second step on.
    t.setValues({ momentum2: 0, momentum4: 0.5 });
    expect(labels(t)).toEqual(['μ = 0 (run 1)', 'μ = 0 (run 2)', 'μ = 0.4', 'μ = 0.5']);
    for (let i = 0; i < 3; i++) t.trainStep();
    const w0 = weights(t, 0);
    const w1 = weights(t, 1);
    const w2 = weights(t, 2);
    w1.forEach((w, i) => expect(w).toBeCloseTo(w0[i]!, 6));
    expect(Math.max(...w2.map((w, i) => Math.abs(w - w0[i]!)))).toBeGreaterThan(1e-4);
    t.dispose();
  });
});

describe('ch08-10: the advanced runs’ momentum', () => {
  it('is an option, 0…0.99 with the course’s 0.4 by default, named in the description', () => {
    const c = control('ch08-10', 'momentum');
    expect(c).toMatchObject({ kind: 'number', default: 0.4, min: 0, max: 0.99 });
    expect(c.help).toMatch(/Restarts the run/);
    expect(lesson('ch08-10').info.description).toMatch(/the advanced runs’ momentum/);
    expect(lesson('ch08-10').variants!.map((v) => v.label)).toEqual(['plain', 'momentum 0.4', 'momentum 0.4 + BN']);
  });

  it('sets both advanced runs’ μ and labels at the restart, the plain run keeping 0', () => {
    const t = new Trainer(lesson('ch08-10'), 1, { speed: 0 }, 20, false);
    t.trainStep();
    const g = t.generation;
    t.setValues({ momentum: 0.9 });
    expect(t.generation).toBe(g + 1);
    expect(labels(t)).toEqual(['plain', 'momentum 0.9', 'momentum 0.9 + BN']);
    expect(t.runs.map((r) => r.hp.momentum)).toEqual([0, 0.9, 0.9]);
    // The structures stay the variants' own.
    expect(t.runs.map((r) => r.paramCount())).toEqual([603, 603, 803]);
    // μ = 0 (and the course's dropout p = 0): the second run is the plain one, step for step.
    t.setValues({ momentum: 0 });
    expect(labels(t)).toEqual(['plain', 'momentum 0', 'momentum 0 + BN']);
    for (let i = 0; i < 3; i++) t.trainStep();
    const plain = weights(t, 0);
    weights(t, 1).forEach((w, i) => expect(w).toBeCloseTo(plain[i]!, 6));
    t.dispose();
  });
});

describe('ch08-06: the activation, no longer tied to the init (course bug 16)', () => {
  it('is an option: the course’s pairing by default, or ReLU or tanh for all, named in the description', () => {
    const c = control('ch08-06', 'activation');
    expect(c).toMatchObject({ kind: 'enum', default: 'course pairing', options: ['course pairing', 'ReLU for all', 'tanh for all'] });
    expect(c.help).toMatch(/Restarts the run/);
    const d = lesson('ch08-06').info.description;
    expect(d).toMatch(/activation option \(ReLU for all, tanh for all\)/);
    expect(d).toMatch(/no longer tied/);
    expect(lesson('ch08-06').variants!.map((v) => v.label)).toEqual(['default + tanh', 'Xavier + tanh', 'He + ReLU', 'uniform U(0, 1) + tanh']);
  });

  /** Each run's activation, as its model draws it: the x label of its live activation histogram, "ReLU(z)"… */
  const drawnActivations = (t: Trainer): string[] =>
    t.runs.map((r) => {
      const view = r.model.views!();
      const panel = view.layout.find((p) => p.title.startsWith('hidden activations per layer'));
      return String(panel?.xLabel);
    });

  it('builds every method with the chosen activation, labels naming it', async () => {
    const l = lesson('ch08-06');
    await l.prepare?.();
    const t = new Trainer(l, 1, { speed: 0 }, 20, false);
    expect(drawnActivations(t)).toEqual(['tanh(z)', 'tanh(z)', 'ReLU(z)', 'tanh(z)']);
    const g = t.generation;
    t.setValues({ activation: 'ReLU for all' });
    expect(t.generation).toBe(g + 1);
    expect(labels(t)).toEqual(['default + ReLU', 'Xavier + ReLU', 'He + ReLU', 'uniform U(0, 1) + ReLU']);
    expect(t.runs.map((r) => r.variant?.options)).toEqual([
      { init: 'default', activation: 'relu' },
      { init: 'xavier', activation: 'relu' },
      { init: 'he', activation: 'relu' },
      { init: 'uniform', activation: 'relu' },
    ]);
    expect(drawnActivations(t)).toEqual(['ReLU(z)', 'ReLU(z)', 'ReLU(z)', 'ReLU(z)']);
    t.setValues({ activation: 'tanh for all' });
    expect(labels(t)).toEqual(['default + tanh', 'Xavier + tanh', 'He + tanh', 'uniform U(0, 1) + tanh']);
    expect(drawnActivations(t)).toEqual(['tanh(z)', 'tanh(z)', 'tanh(z)', 'tanh(z)']);
    // The init still differs, and only the init: the same architecture everywhere.
    expect(t.runs.map((r) => r.paramCount())).toEqual([119810, 119810, 119810, 119810]);
    t.setValues({ activation: 'course pairing' });
    expect(labels(t)).toEqual(['default + tanh', 'Xavier + tanh', 'He + ReLU', 'uniform U(0, 1) + tanh']);
    t.dispose();
  }, 60_000);
});
