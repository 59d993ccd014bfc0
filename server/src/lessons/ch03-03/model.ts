/**
 * ch03-03 · Chapter03_03Validation: validation data and choosing the learning rate.
 * Data: x = −3…3 step 0.1 (60 points), true line f = −3x + 1. Training y = f + ε with outliers y[0] = 0 (x = −3)
 * and y[50…54] = 20 (x = 2.0…2.4); validation: the same x, independent ε, no outliers. Model Linear 1→1 with
 * PyTorch's default init U(−1, 1) for w and b, MSE, SGD with batch 1 in order (the course runs 10 epochs = 600
 * steps per lr), lr ∈ {0.1, 0.01, 0.001, 0.0001}.
 *
 * With the outliers the least-squares line of the training set is far from the true one (about w ≈ −1.25,
 * b ≈ 3.1 against −3, 1), which is why the validation loss, not the training loss, is the one to choose by.
 *
 * Options: the four runs' learning rates (variantsFor), the outliers on or off, their value, the noise scale
 * (catalogue "Live controls"). Views: each run's line over the validation points with the true line, and (from the
 * first run, reading the others through joinPeers, keyed by the run's place) the training and validation loss of
 * every lr at its current parameters, against log10 lr.
 */
import { createRng } from '../../data/prng.ts';
import { outlierLine } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { curveView, grid1d } from '../../probe/views/curve1d.ts';
import { buildLinearModel, lineLoss } from '../linearModel.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import type { DemoView } from '../types.ts';
import { joinPeers } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info, RATE_OPTIONS } from './info.ts';

export const ch03_03 = trainingLesson(info, {
  // The four runs as the options set them: run i fixes lr = option lrRun{i+1}.
  variantsFor: (options) => RATE_OPTIONS.map(({ name }) => ({ label: `lr = ${options[name]}`, hp: { lr: options[name] } })),
  build: ({ tf, seed, hp, options, run }) => {
    const { train, val } = outlierLine(seed, { noise: options.noise, outliers: options.outliers, outlierValue: options.outlierValue });
    // One start for every variant, from its own stream of the run seed (the data use the seed itself).
    const rng = createRng(subSeed(seed, INIT_STREAM));
    const w0 = rng.range(-1, 1);
    const b0 = rng.range(-1, 1);
    const model = buildLinearModel({
      tf,
      x: train.x,
      y: train.y,
      w0,
      b0,
      bias: true,
      hp,
      window: { w: [-6, 4], b: [-4, 6], resolution: 61 },
      evalSets: { train: { x: train.x, y: train.y }, val: { x: val.x, y: val.y } },
    });
    // Each run's (w, b) now and its lr, for the first run's loss-vs-lr panel.
    const peers = joinPeers(options, run, { position: () => model.surface.position(), lr: () => hp.lr });
    const dispose = model.dispose.bind(model);
    model.dispose = () => {
      peers.leave();
      dispose();
    };
    const xs = grid1d(-3, 2.9, 60);
    const truth = Float32Array.from(xs, (x) => -3 * x + 1);
    const valPoints = Float32Array.from({ length: 2 * val.x.length }, (_, i) => (i % 2 ? val.y : val.x)[i >> 1] as number);
    model.views = (): DemoView => {
      const [w, b] = model.surface.position();
      const lines = curveView({
        name: 'val',
        title: 'line over the validation data',
        x: xs,
        curves: [
          { name: 'ŷ = w·x + b', values: Float32Array.from(xs, (x) => w * x + b) },
          { name: 'true f = −3x + 1', values: truth },
        ],
        points: valPoints,
        pointsName: 'validation data',
        pointsAs: 'dots',
        xLabel: 'x',
        yLabel: 'y',
      });
      if (run !== 0) return lines;
      // The comparison, drawn once (by the first run): every lr, smallest first.
      const runs = peers
        .of(RATE_OPTIONS.length)
        .flatMap((p) => (p ? [{ lr: p.lr(), at: p.position() }] : []))
        .sort((a, b2) => a.lr - b2.lr);
      const byLr = curveView({
        name: 'byLr',
        title: 'training and validation loss vs lr (current parameters)',
        x: Float32Array.from(runs, (r) => Math.log10(r.lr)),
        curves: [
          { name: 'training MSE', values: Float32Array.from(runs, (r) => lineLoss(r.at[0], r.at[1], train.x, train.y)) },
          { name: 'validation MSE', values: Float32Array.from(runs, (r) => lineLoss(r.at[0], r.at[1], val.x, val.y)) },
        ],
        xLabel: 'log10 lr',
        yLabel: 'MSE',
      });
      return joinViews(lines, { ...byLr, common: [byLr.layout[0]?.title ?? ''] });
    };
    return model;
  },
});
