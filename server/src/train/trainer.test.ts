import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { HISTORY_CAPACITY, StepSeries } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { ch02_03 } from '../lessons/ch02-03/model.ts';
import { ch08_02 } from '../lessons/ch08-02/model.ts';
import type { TrainableLesson } from './lessonModel.ts';
import { evaluateGrid, linspace } from '../probe/lossSurface.ts';
import { Trainer } from './trainer.ts';
import { comparison, noiseFree, optioned, position } from '../lessons/trainerTestKit.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Trainer on ch02-03', () => {
  it('reproduces the catalogue: path (−15,−10) → (−5.48467,−8.36) → (−1.66531,−6.95285), losses 835.03, 175.62, 55.17', () => {
    const t = new Trainer(noiseFree, 1);
    const losses = [t.trainStep(), t.trainStep(), t.trainStep()];
    expect(losses[0]).toBeCloseTo(835.03, 1);
    expect(losses[1]).toBeCloseTo(175.62, 1);
    expect(losses[2]).toBeCloseTo(55.17, 1);
    const [x1, y1] = [t.path.columns[0]![1]!, t.path.columns[1]![1]!];
    expect(x1).toBeCloseTo(-5.48467, 3);
    expect(y1).toBeCloseTo(-8.36, 3);
    const [x2, y2] = [t.path.columns[0]![2]!, t.path.columns[1]![2]!];
    expect(x2).toBeCloseTo(-1.66531, 3);
    expect(y2).toBeCloseTo(-6.95285, 3);
    t.dispose();
  });

  it('frees a model’s tensors and buffers when it is rebuilt (reset, a batch-norm toggle)', () => {
    // Before: each build left the initial value of every variable alive (a variable shares its buffer), so
    // every reset kept the previous model's first weights in memory.
    const t = new Trainer(ch08_02, 11);
    t.trainStep();
    const before = [tf.memory().numTensors, tf.backend().numDataIds()];
    for (let i = 0; i < 3; i++) {
      t.control('reset');
      t.applyPatch({ batchNorm: i % 2 === 0 });
      t.trainStep();
      t.applyPatch({ batchNorm: false });
      t.trainStep();
    }
    expect([tf.memory().numTensors, tf.backend().numDataIds()]).toEqual(before);
    t.dispose();
  });

  it('oracle: the exact surface at each path point equals the loss reported for that step', () => {
    const t = new Trainer(ch02_03, 3);
    for (let i = 0; i < 40; i++) t.trainStep();
    const [xs, ys, losses] = t.path.columns as [number[], number[], number[]];
    const z = t.surface!.evaluate(Float32Array.from(xs), Float32Array.from(ys));
    for (let k = 0; k < xs.length; k++) {
      expect(Math.abs((z[k] as number) - (losses[k] as number))).toBeLessThanOrEqual(1e-4 * Math.max(1, losses[k] as number));
      expect(t.losses.values[k]).toBe(losses[k]);
    }
    t.dispose();
  });

  it('fixes the course bug: the surface minimum is where training converges (b ≈ −1, not +1)', () => {
    const t = new Trainer(ch02_03, 5);
    for (let i = 0; i < 300; i++) t.trainStep();
    const [w, b] = position(t);
    expect(w).toBeCloseTo(1, 1);
    expect(b).toBeCloseTo(-1, 1);
    const s = t.surface!;
    const z = evaluateGrid(s);
    let arg = 0;
    z.forEach((v, i) => (v < (z[arg] as number) ? (arg = i) : 0));
    const grid = linspace(s.xRange[0], s.xRange[1], s.resolution);
    const cell = (s.xRange[1] - s.xRange[0]) / (s.resolution - 1);
    expect(Math.abs((grid[arg % s.resolution] as number) - w)).toBeLessThanOrEqual(cell);
    expect(Math.abs((grid[Math.floor(arg / s.resolution)] as number) - b)).toBeLessThanOrEqual(cell);
    // The course's surface (model w·x − b) would put the minimum at b = +1; ours is ≈ 4 higher there.
    const [atPlus, atMinus] = s.evaluate(Float32Array.of(1, 1), Float32Array.of(1, -1));
    expect(atPlus! - atMinus!).toBeGreaterThan(3.5);
    t.dispose();
  });

  it('applies a learning-rate patch at the next step: Δθ = −lr·∇L', () => {
    const t = new Trainer(noiseFree, 1);
    t.trainStep();
    const { changes, step } = t.applyPatch({ lr: 0.01 });
    expect(changes).toEqual({ lr: [0.1, 0.01] });
    expect(step).toBe(1);
    const before = position(t);
    t.trainStep();
    const after = position(t);
    // Gradient of the MSE at θ_1, computed by hand: dL/dw = 2·mean((w x + b − y)·x), dL/db = 2·mean(w x + b − y).
    const xs = Array.from({ length: 60 }, (_, i) => -3 + 0.1 * i);
    const r = xs.map((x) => before[0] * x + before[1] - (x - 1));
    const gw = (2 * r.reduce((a, v, i) => a + v * xs[i]!, 0)) / 60;
    const gb = (2 * r.reduce((a, v) => a + v, 0)) / 60;
    expect(after[0]).toBeCloseTo(before[0] - 0.01 * gw, 4);
    expect(after[1]).toBeCloseTo(before[1] - 0.01 * gb, 4);
    t.dispose();
  });

  it('detects divergence (lr above 1/mean(x²) ≈ 0.333), refuses play, and reverts to a finite checkpoint', () => {
    const t = new Trainer(noiseFree, 1, { lr: 0.5 });
    let n = 0;
    while (t.state !== 'diverged' && n++ < 2000) t.trainStep();
    expect(t.state).toBe('diverged');
    expect(() => t.control('play')).toThrow(/diverged/);
    const gen = t.generation;
    t.control('revert');
    expect(t.state).toBe('paused');
    expect(t.generation).toBe(gen + 1);
    const [w, b] = position(t);
    expect(Number.isFinite(w) && Number.isFinite(b)).toBe(true);
    expect(t.losses.lastStep).toBe(t.step - 1);
    t.applyPatch({ lr: 0.1 });
    t.control('play');
    expect(t.state).toBe('running');
    t.dispose();
  });

});

describe('Trainer with variants (comparison lessons)', () => {
  it('a variant whose step throws is frozen and reported; the others keep stepping', () => {
    const failing: TrainableLesson = {
      ...comparison,
      variants: [{ label: 'fine' }, { label: 'broken', options: { broken: true } }],
      build: (ctx) => {
        const model = noiseFree.build(ctx);
        if (!ctx.variant?.options?.broken) return model;
        let calls = 0;
        return { ...model, loss: (training) => (++calls > 2 ? (() => { throw new Error('batch of 1'); })() : model.loss(training)) };
      },
    };
    const t = new Trainer(failing, 1);
    for (let i = 0; i < 5; i++) t.trainStep();
    expect(t.step).toBe(5);
    expect(t.runs[1]!.diverged).toBe(true);
    expect(t.runs[0]!.diverged).toBe(false);
    expect(t.errors).toEqual(['variant "broken" stopped at step 2: batch of 1']);
    t.dispose();
  });

  it('a room change reaches every variant except where the variant fixes the value', () => {
    const t = new Trainer({ ...comparison, variants: [{ label: 'fixed', hp: { lr: 0.01 } }, { label: 'free' }] }, 1);
    t.applyPatch({ lr: 0.2 });
    expect(t.runs[0]!.hp.lr).toBe(0.01);
    expect(t.runs[1]!.hp.lr).toBe(0.2);
    t.dispose();
  });
});

describe('live structural changes (ch08-02: 2-10-10-3 ReLU on the spiral)', () => {
  it('batch norm on rebuilds with a new generation and keeps the weights that fit; dropout is hot; init redraws', async () => {
    const { ch08_02 } = await import('../lessons/ch08-02/model.ts');
    const t = new Trainer(ch08_02, 3);
    for (let i = 0; i < 5; i++) t.trainStep();
    const value = (name: string) => Array.from(t.params[t.runs[0]!.model.paramNames.indexOf(name)]!.dataSync());
    const fc1 = value('fc1.W');
    const gen = t.generation;
    expect(t.applyPatch({ batchNorm: true }).changes).toEqual({ batchNorm: [false, true] });
    expect(t.generation).toBe(gen + 1);
    expect(t.runs[0]!.model.paramNames).toContain('bn1.gamma');
    expect(value('fc1.W')).toEqual(fc1);
    for (let i = 0; i < 5; i++) expect(Number.isFinite(t.trainStep())).toBe(true);
    // dropout is a hot change: same generation, next step uses it
    t.applyPatch({ dropout: 0.5 });
    expect(t.generation).toBe(gen + 1);
    expect(t.runs[0]!.hp.dropout).toBe(0.5);
    expect(Number.isFinite(t.trainStep())).toBe(true);
    // init redraws the weights (a different distribution): new generation, fc1 changes
    const before = value('fc1.W');
    t.applyPatch({ init: 'he' });
    expect(t.generation).toBe(gen + 2);
    expect(value('fc1.W')).not.toEqual(before);
    t.dispose();
  });
});

describe('optimizer path heights with mini-batches', () => {
  it('ch03-02 (batch 1): every path point lies on the full-data surface, while the curve keeps batch losses', async () => {
    const { ch03_02 } = await import('../lessons/ch03-02/model.ts');
    const t = new Trainer(ch03_02, 2);
    for (let i = 0; i < 30; i++) t.trainStep();
    const [xs, ys, heights] = t.path.columns as [number[], number[], number[]];
    const z = t.surface!.evaluate(Float32Array.from(xs), Float32Array.from(ys));
    heights.forEach((h, k) => expect(Math.abs(h - z[k]!)).toBeLessThanOrEqual(1e-4 * Math.max(1, h)));
    // The loss curve is the single-sample loss of each step, not the surface's.
    expect(t.losses.values.some((l, k) => Math.abs(l - heights[k]!) > 1e-3)).toBe(true);
    t.dispose();
  });
});

describe('lesson options and views', () => {
  it('variantsFor: the variants follow the options (labels and fixed hyperparameters) from the next restart', () => {
    const compared: TrainableLesson = {
      ...optioned,
      info: { ...optioned.info, options: [{ name: 'fastLr', label: 'fast lr', kind: 'number', default: 0.1, min: 0, max: 1 }] },
      variants: [
        { label: 'lr 0.01', hp: { lr: 0.01 } },
        { label: 'lr 0.1', hp: { lr: 0.1 } },
      ],
      variantsFor: (options) => [
        { label: 'lr 0.01', hp: { lr: 0.01 } },
        { label: `lr ${String(options.fastLr)}`, hp: { lr: options.fastLr as number } },
      ],
    };
    const t = new Trainer(compared, 1);
    t.trainStep();
    expect(t.runs.map((r) => [r.label, r.hp.lr])).toEqual([['lr 0.01', 0.01], ['lr 0.1', 0.1]]);
    t.setValues({ fastLr: 0.5 });
    expect(t.runs.map((r) => [r.label, r.hp.lr])).toEqual([['lr 0.01', 0.01], ['lr 0.5', 0.5]]);
    // A room-wide hp change keeps the option's value for the run that fixes it.
    t.applyPatch({ lr: 0.2 });
    expect(t.runs[1]!.hp.lr).toBe(0.5);
    t.dispose();
  });

  it('a restarting option rebuilds from step 0 with a new generation; the build sees the new value', () => {
    const t = new Trainer(optioned, 1);
    for (let i = 0; i < 5; i++) t.trainStep();
    const g = t.generation;
    expect(t.setValues({ startW: 5 })).toEqual({ startW: [-15, 5] });
    expect(t.step).toBe(0);
    expect(t.generation).toBe(g + 1);
    expect(t.losses.length).toBe(0);
    expect(position(t)[0]).toBeCloseTo(5, 6);
    // Setting the same value again changes nothing.
    expect(t.setValues({ startW: 5 })).toEqual({});
    expect(t.generation).toBe(g + 1);
    t.dispose();
  });

  it('a hot option (lr schedule) keeps the run and scales the next update: Δθ = −lr₀/(1 + d·epoch)·∇L', () => {
    const t = new Trainer(optioned, 1, { lr: 0.1 });
    t.keepGradient();
    t.trainStep(); // one step per epoch (full batch): epoch 1 begins
    const g = t.generation;
    expect(t.setValues({ lrSchedule: 'inverse-time', lrDecay: 1 })).toEqual({ lrSchedule: ['constant', 'inverse-time'] });
    expect(t.generation).toBe(g);
    expect(t.step).toBe(1);
    expect(t.lrFactor()).toBeCloseTo(0.5, 12);
    const before = position(t);
    t.trainStep();
    const grad = (t as unknown as { runs: { lastGrad: Float32Array }[] }).runs[0]!.lastGrad;
    const after = position(t);
    expect(after[0] - before[0]).toBeCloseTo(-0.05 * grad[0]!, 4);
    expect(after[1] - before[1]).toBeCloseTo(-0.05 * grad[1]!, 4);
    t.dispose();
  });

});

describe('revert and the models’ own records', () => {
  it('ch02-01: a revert rewinds the visited points to the checkpoint, so the 1-D path matches the weights', async () => {
    const { ch02_01 } = await import('../lessons/ch02-01/model.ts');
    const t = new Trainer(ch02_01, 1, { lr: 0.05 });
    for (let k = 0; k < 30; k++) t.trainStep();
    const visited = (t as unknown as { runs: { model: { visited: { recorded: number; last(): number[] | null } } }[] }).runs[0]!.model.visited;
    expect(visited.recorded).toBe(30);
    t.control('revert');
    expect(t.step).toBe(20);
    expect(visited.recorded).toBe(20);
    const restored = t.params[0]!.dataSync()[0]!;
    t.control('step');
    // θ_20 recorded again: the restored weight.
    expect(visited.last()![0]).toBeCloseTo(restored, 6);
    expect(visited.recorded).toBe(21);
    t.dispose();
  });
});

describe('pause after epoch N (lesson option)', () => {
  it('pauses a running run as it completes epoch N, and play goes on past it', async () => {
    const { getTrainingLesson } = await import('../lessons/registry.ts');
    const lesson = getTrainingLesson('ch02-03')!; // full batch: one step per epoch
    const t = new Trainer(lesson, 1);
    expect(t.values.stopAfterEpochs).toBe(0);
    t.setValues({ stopAfterEpochs: 3 });
    for (let k = 0; k < 2; k++) t.trainStep();
    expect(t.state).toBe('running');
    t.trainStep();
    expect([t.step, t.state]).toEqual([3, 'paused']);
    t.control('play');
    t.trainStep();
    expect([t.step, t.state]).toEqual([4, 'running']);
    t.dispose();
  });
});

describe('lr schedule in a comparison of batch sizes (ch03-01)', () => {
  it('each variant decays by its own epochs: after 12 steps the full-batch run is 12 epochs in, batch 1 none', async () => {
    const { getTrainingLesson } = await import('../lessons/registry.ts');
    const t = new Trainer(getTrainingLesson('ch03-01')!, 1);
    t.setValues({ lrSchedule: 'exponential' });
    for (let k = 0; k < 12; k++) t.trainStep();
    const byBatch = new Map(t.runs.map((r) => [r.hp.batchSize, t.lrFactor(r)]));
    expect(byBatch.get(60)).toBeCloseTo(0.95 ** 12, 12);
    expect(byBatch.get(5)).toBeCloseTo(0.95, 12); // 12 batches of 5 per epoch: one epoch done
    expect(byBatch.get(1)).toBe(1);
    t.dispose();
  });
});

describe('evaluation log capacity', () => {
  it('keeps at most HISTORY_CAPACITY.evals evaluations, thinned over the whole run as every other history is', () => {
    // noiseFree with an evaluation that completes in one chunk: full batch, so one evaluation per step.
    const evaluated: TrainableLesson = {
      ...noiseFree,
      build: (ctx) => {
        const model = noiseFree.build(ctx);
        let n = 0;
        // eslint-disable-next-line require-yield
        return { ...model, evaluate: function* () { return { testAccuracy: ++n }; } };
      },
    };
    const t = new Trainer(evaluated, 1);
    const seen = new StepSeries(HISTORY_CAPACITY.evals, 1);
    const steps = 3 * HISTORY_CAPACITY.evals;
    for (let i = 0; i < steps; i++) {
      const before = t.evalLog.at(-1)?.step;
      t.trainStep();
      const last = t.evalLog.at(-1);
      if (last && last.step !== before) seen.push(last.step, last.evals[0]!.testAccuracy!);
    }
    expect(t.evalLog.length).toBeLessThanOrEqual(HISTORY_CAPACITY.evals);
    expect(t.evalLog.map((e) => e.step)).toEqual(seen.steps);
    expect(t.evalLog.map((e) => e.evals[0]!.testAccuracy)).toEqual(seen.values);
    expect(t.evalLog[0]!.step).toBe(2);
    t.dispose();
  });
});
