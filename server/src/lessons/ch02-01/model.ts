/**
 * ch02-01 · Chapter02_01LinearRegression_1P: one parameter by full-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = −3x + 0.1·ε. Model ŷ = w·x (no bias) from w = −10, MSE, lr 0.1,
 * full batch (the course runs 4 iterations; here it runs until paused). dL/dw = 2(w + 3)·mean(x²) on noise-free
 * data, so the step is stable below lr = 1/mean(x²) ≈ 0.333 and oscillates above 0.1666.
 * Options: the initial w and the noise scale (catalogue "Live controls"). View: the loss curve L(w) over the
 * catalogue's w = −10…4 (widened to the start when it lies outside) with the visited (w, L(w)).
 */
import { slopeLine } from '../../data/synthetic.ts';
import { curveView, stepGrid } from '../../probe/views/curve1d.ts';
import { buildLinearModel, type LinearLessonModel } from '../linearModel.ts';
import type { DemoView } from '../types.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

/**
 * The loss curve L(w) over `ws` (the training formula over all 60 points) with the visited w and the current one
 * marked at their loss; one batched evaluation of the exact surface (b is 0: the model has no bias).
 */
export function lossCurveView(model: LinearLessonModel, ws: Float32Array): DemoView {
  const path = model.visited.points(model.surface.position());
  const k = path.length / 2;
  const all = new Float32Array(ws.length + k);
  all.set(ws);
  for (let i = 0; i < k; i++) all[ws.length + i] = path[2 * i] as number;
  const losses = model.surface.evaluate(all, new Float32Array(all.length));
  const points = new Float32Array(2 * k);
  for (let i = 0; i < k; i++) {
    points[2 * i] = all[ws.length + i] as number;
    points[2 * i + 1] = losses[ws.length + i] as number;
  }
  return curveView({
    name: 'lossCurve',
    title: 'loss curve L(w) with the visited w',
    x: ws,
    curves: [{ name: 'L(w) = mean((w·x − y)²)', values: losses.slice(0, ws.length) }],
    points,
    pointsName: 'visited w (the last is now)',
    xLabel: 'w',
    yLabel: 'MSE',
  });
}

export const ch02_01 = trainingLesson(info, {
  build: ({ tf, seed, options }) => {
    const { w0, noise } = options;
    const { x, y } = slopeLine(seed, { noise });
    // The course's loss curve spans w = −10…4, widened to a start outside it. The surface is constant along b
    // (there is no bias): it only gives the params channel the loss at the current w.
    const w: [number, number] = [Math.min(-10, w0), Math.max(4, w0)];
    const model = buildLinearModel({ tf, x, y, w0, b0: 0, bias: false, window: { w, b: [-1, 1], resolution: 15 }, recordPath: true });
    const ws = stepGrid(w[0], w[1], 0.1);
    model.views = () => lossCurveView(model, ws);
    return model;
  },
});
