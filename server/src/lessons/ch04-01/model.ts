/**
 * ch04-01 · Chapter04_01MultipleLR: multiple-input linear regression.
 * Data: 20 samples with x1 = x2 = −1…1 step 0.1, f = x1 + x2 + 1, y = f + ε (std 1). Model Linear 2→1 (3 parameters,
 * PyTorch default init, bound 1/√2), MSE, SGD lr 0.1, batch 2 in order (10 steps per epoch; the course runs
 * 100 epochs = 1000 steps).
 * Options: the noise scale and de-correlated inputs (issue 5). Views: the fitted plane ŷ(x1, x2) as a grid with the
 * data drawn on it (each sample at its (x1, x2), filled with its y on the plane's colours: the residuals show as
 * dots unlike the cell under them), and the (w1, w2) path with the floor of the loss valley (the best w2 for each w1).
 */
import { createRng } from '../../data/prng.ts';
import { multiInput } from '../../data/synthetic.ts';
import { joinViews } from '../../probe/views/compose.ts';
import { curveView, grid1d } from '../../probe/views/curve1d.ts';
import { denseValues } from '../../probe/views/denseJs.ts';
import { PathRecorder, recordOnTraining } from '../../probe/views/pathRecorder.ts';
import { planePoints, planeView } from '../../probe/views/plane.ts';
import { memoryTargets } from '../memoryRows.ts';
import { INIT_STREAM, subSeed } from '../../data/prng.ts';
import { buildMlp, type MlpSpec } from '../../train/nets/mlp.ts';
import { regressorModel } from '../regressor.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/**
 * The floor of the loss valley in the (w1, w2) plane: for each w1, the w2 (with the best b) of least squared
 * error, w2 = c − m·w1 with m = cov(x1, x2)/var(x2) and c = cov(x2, y)/var(x2) (a least-squares fit of
 * y − w1·x1 on x2). With x1 = x2 it is w1 + w2 = β, every point of it an equally good fit.
 */
export function valleyFloor(x: Float32Array, y: Float32Array): { c: number; m: number } {
  const n = y.length;
  let m1 = 0;
  let m2 = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    m1 += (x[2 * i] as number) / n;
    m2 += (x[2 * i + 1] as number) / n;
    my += (y[i] as number) / n;
  }
  let v2 = 0;
  let c12 = 0;
  let c2y = 0;
  for (let i = 0; i < n; i++) {
    const d1 = (x[2 * i] as number) - m1;
    const d2 = (x[2 * i + 1] as number) - m2;
    v2 += d2 * d2;
    c12 += d1 * d2;
    c2y += d2 * ((y[i] as number) - my);
  }
  return { c: c2y / v2, m: c12 / v2 };
}

export const ch04_01 = trainingLesson(info, {
  build: ({ seed, hp, options }) => {
    const data = multiInput(seed, { noise: options.noise, decorrelate: options.decorrelate });
    const spec: MlpSpec = { sizes: [2, 1], activation: 'identity', batchNorm: false, dropout: false };
    const net = buildMlp(spec, 'default', createRng(subSeed(seed, INIT_STREAM)), hp);
    const model = regressorModel(net, memoryTargets({ xDim: 2, x: data.x, y: data.y }), hp, {
      head: 'identity',
      loss: 'mse',
      // x1 of each sample (x2 equals it unless de-correlated): the axis of the 1-D view.
      view1d: { x: Float32Array.from(data.y, (_, i) => data.x[2 * i] as number), y: data.y, input: (t) => [t, t] },
    });
    const W = net.params[net.names.indexOf('fc1.W')]!;
    const path = new PathRecorder(2);
    recordOnTraining(model, path, () => W.dataSync());
    const floor = valleyFloor(data.x, data.y);
    // The data on the plane (on the diagonal x1 = x2 unless de-correlated), coloured by their y.
    const dataPoints = planePoints(data.x, data.y);
    model.views = (): DemoView => {
      const fc = denseValues(net, 'fc1');
      const [w1, w2] = [fc.W[0] as number, fc.W[1] as number];
      const b = fc.b[0] as number;
      const points = path.points([w1, w2]);
      // A square window around the path (the w1 = w2 line spans it on both axes), with the true w = (1, 1) in it.
      let lo = 1;
      let hi = 1;
      for (const v of points) {
        if (!Number.isFinite(v)) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const ws = grid1d(lo - 0.25, hi + 0.25, 41);
      return joinViews(
        planeView({ name: 'plane', title: 'fitted plane ŷ(x1, x2) and the data y', w1, w2, b, points: dataPoints }),
        curveView({
          name: 'wPath',
          title: '(w1, w2) path over the loss valley',
          x: ws,
          curves: [
            { name: 'valley floor: best w2 for each w1', values: Float32Array.from(ws, (v) => floor.c - floor.m * v) },
            { name: 'w2 = w1 (the true w = (1, 1) lies on it)', values: ws },
          ],
          points,
          pointsName: 'visited (w1, w2) (the last is now)',
          xLabel: 'w1',
          yLabel: 'w2',
        }),
      );
    };
    return model;
  },
});
