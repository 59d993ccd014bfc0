/**
 * ch02-01 · Chapter02_01LinearRegression_1P: one parameter by full-batch gradient descent.
 * Data: x = −3…3 step 0.1 (60 points), y = −3x + 0.1·ε. Model ŷ = w·x (no bias) from w = −10, MSE, lr 0.1,
 * full batch (the course runs 4 iterations; here it runs until paused). dL/dw = 2(w + 3)·mean(x²) on noise-free
 * data, so the step is stable below lr = 1/mean(x²) ≈ 0.333 and oscillates above 0.1666.
 * Options: the initial w and the noise scale (catalogue "Live controls"). View: the loss curve L(w) over the
 * catalogue's w = −10…4 (widened to the start when it lies outside) with the visited (w, L(w)).
 */
import type { LessonOption } from '@gradcast/shared';
import { slopeLine } from '../data/synthetic.ts';
import { numberOption } from '../probe/views/compose.ts';
import { curveView, stepGrid } from '../probe/views/curve1d.ts';
import { buildLinearModel, type LinearLessonModel } from './linearModel.ts';
import type { DemoView, TrainingLesson } from './types.ts';

const DEFAULTS = { w0: -10, noise: 0.1 };

const CONTROLS: LessonOption[] = [
  {
    name: 'w0',
    label: 'initial w',
    kind: 'number',
    default: DEFAULTS.w0,
    min: -20,
    max: 20,
    step: 0.5,
    help: 'Where gradient descent starts (the course: −10). Restarts the run.',
  },
  {
    name: 'noise',
    label: 'noise scale',
    kind: 'number',
    default: DEFAULTS.noise,
    min: 0,
    max: 3,
    step: 0.05,
    help: 'Standard deviation of the noise in y = −3x + noise·ε (the course: 0.1); 0 gives the noise-free data of the catalogue’s check values. Restarts the run.',
  },
];

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

export const ch02_01: TrainingLesson = {
  info: {
    id: 'ch02-01',
    title: 'One-parameter linear regression',
    chapter: 2,
    trains: true,
    controls: ['lr', 'speed'],
    channels: ['metrics', 'params', 'data', 'fit', 'panels'],
    defaults: { lr: 0.1, optimizer: 'sgd', batchSize: 60, speed: 5 },
    description:
      'Fits ŷ = w·x (no bias) to y = −3x + 0.1·ε (60 points) by full-batch gradient descent on the MSE from w = −10, ' +
      'lr 0.1: w moves towards −3 in ever smaller steps (−10 → −5.80 → −4.12 → −3.45 on noise-free data). ' +
      'Raise lr above 0.167 to see w overshoot and oscillate, above 0.333 to see it diverge. ' +
      'The loss-curve panel draws L(w) over w = −10…4 with every visited w on it, as the course’s top plot. ' +
      'Options: the initial w and the noise scale (0: the noise-free data of the check values); each restarts ' +
      'the run. The original draws no seed; here the noise comes from the run seed, so a run can be repeated exactly.',
    options: CONTROLS,
  },
  build: ({ tf, seed, options }) => {
    const w0 = numberOption(options, 'w0', DEFAULTS.w0);
    const { x, y } = slopeLine(seed, { noise: numberOption(options, 'noise', DEFAULTS.noise) });
    // The course's loss curve spans w = −10…4, widened to a start outside it. The surface is constant along b
    // (there is no bias): it only gives the params channel the loss at the current w.
    const w: [number, number] = [Math.min(-10, w0), Math.max(4, w0)];
    const model = buildLinearModel({ tf, x, y, w0, b0: 0, bias: false, window: { w, b: [-1, 1], resolution: 15 }, recordPath: true });
    const ws = stepGrid(w[0], w[1], 0.1);
    model.views = () => lossCurveView(model, ws);
    return model;
  },
};
