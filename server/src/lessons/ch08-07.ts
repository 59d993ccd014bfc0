/**
 * ch08-07 · Chapter08_07Momentum: momentum on 1-D objectives.
 * The "model" is a single weight w (input fixed at 1, no bias, so ŷ = w) whose loss is the objective itself:
 *   cubic   l(w) = w³ (a saddle at 0, no minimum), from w = 4, SGD lr 0.01;
 *   quartic l(w) = 2w⁴ − 9w³ − 21w² + 88w + 48 (local min at 4 with l = 0, local max at 1.375, global min at −2
 *           with l = −108; l(6) = 468, l′(6) = 592), from w = 6, SGD lr 0.001;
 * each with momentum 0 and 0.9 (PyTorch form: buf = μ·buf + g, w ← w − lr·buf), and the quartic again with
 * gradient noise of std 10. The course runs 10 steps on the cubic and 100 on the quartic.
 * Check values: cubic μ 0: 4 → 3.52 → 3.14829 → 2.85094 …, 1.73549 after 10 steps; cubic μ 0.9: 4 → 3.52 →
 * 2.71629 → 1.77160 → 0.82722 → −0.04324 …, −4.09954 after 10; quartic μ 0 stops at the local min 4; quartic
 * μ 0.9: 6 → 5.408 → 4.53867 → 3.66713 … ends near the global min (≈ −1.991 after 100 steps).
 * Options: the momentum of the momentum runs (the plain runs stay at 0), the lr of each objective's runs (variantsFor:
 * labels and fixed hp follow them), the start w of each objective and the gradient noise of the noisy runs. Views (per run): the objective
 * l(w) over the course's plotted range with the visited (w, l(w)) and a ball at w now that rolls along the curve
 * between frames (held at the range's end when w leaves it), and a readout of w, l, l′ and the momentum
 * buffer (the velocity).
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng.ts';
import { joinViews, numberOption, textView } from '../probe/views/compose.ts';
import { curveView, pathWithin, stepGrid } from '../probe/views/curve1d.ts';
import { PathRecorder, recordOnTraining } from '../probe/views/pathRecorder.ts';
import { variableOf } from '../train/model.ts';
import { scheduledLr, scheduleFromOptions } from '../train/schedules.ts';
import { fmt } from './demoKit.ts';
import { NOISE_STREAM, subSeed } from '../data/prng.ts';
import type { DemoView, ExactSurface, LessonModel, TrainingLesson, Variant } from './types.ts';
import { optionsOf, variant } from './variants.ts';

export type Objective = 'cubic' | 'quartic';

interface Options {
  objective: Objective;
  /** Whether the run adds Gaussian noise to the gradient (std: the gradNoise option). */
  noisy: boolean;
}

/**
 * The objectives l(w) and their derivatives l′(w), their course starting points and the course's plotted w
 * range (the views' curve). Training, the surface and the views all use these formulas.
 */
const OBJECTIVES: Record<Objective, { start: number; range: [number, number]; js(w: number): number; djs(w: number): number }> = {
  cubic: { start: 4, range: [-4, 4], js: (w) => w * w * w, djs: (w) => 3 * w * w },
  // Horner form of 2w⁴ − 9w³ − 21w² + 88w + 48.
  quartic: {
    start: 6,
    range: [-4, 6],
    js: (w) => (((2 * w - 9) * w - 21) * w + 88) * w + 48,
    djs: (w) => ((8 * w - 27) * w - 42) * w + 88,
  },
};

const DEFAULTS = { cubicStart: 4, quarticStart: 6, gradNoise: 10, momentum: 0.9, cubicLr: 0.01, quarticLr: 0.001 };
const MAX_MOMENTUM = 0.99;
const LR_RANGE: [number, number] = [0.0001, 0.1];

const CONTROLS: LessonOption[] = [
  {
    name: 'momentum',
    label: 'momentum μ',
    kind: 'number',
    default: DEFAULTS.momentum,
    min: 0,
    max: MAX_MOMENTUM,
    step: 0.01,
    help: 'Momentum of the three momentum runs, PyTorch form buf = μ·buf + g (the course: 0.9; the three plain runs stay at μ = 0; the legend labels follow). Restarts the run.',
  },
  {
    name: 'cubicLr',
    label: 'lr (w³)',
    kind: 'number',
    default: DEFAULTS.cubicLr,
    min: LR_RANGE[0],
    max: LR_RANGE[1],
    step: 0.0001,
    help: 'Learning rate of the two w³ runs (the course: 0.01). Restarts the run.',
  },
  {
    name: 'quarticLr',
    label: 'lr (quartic)',
    kind: 'number',
    default: DEFAULTS.quarticLr,
    min: LR_RANGE[0],
    max: LR_RANGE[1],
    step: 0.0001,
    help: 'Learning rate of the four quartic runs, with and without noise (the course: 0.001). Restarts the run.',
  },
  { name: 'cubicStart', label: 'start w (w³)', kind: 'number', default: DEFAULTS.cubicStart, min: -4, max: 6, step: 0.1, help: 'Where the w³ runs start (the course: 4). Restarts the run.' },
  {
    name: 'quarticStart',
    label: 'start w (quartic)',
    kind: 'number',
    default: DEFAULTS.quarticStart,
    min: -4,
    max: 6,
    step: 0.1,
    help: 'Where the quartic runs start (the course: 6; from 3, plain descent reaches the local minimum at 4 from the other side). Restarts the run.',
  },
  {
    name: 'gradNoise',
    label: 'gradient noise',
    kind: 'number',
    default: DEFAULTS.gradNoise,
    min: 0,
    max: 50,
    step: 1,
    help: 'Standard deviation of the Gaussian noise added to the gradient in the last two runs (the course: 10, added to the loss value instead). Restarts the run.',
  },
];

/**
 * The surface axis s that tells the objectives apart: s = 0 is the quartic, s = 1 the cubic. The surface is
 * (1 − s)·quartic(w) + s·cubic(w), so each objective is one edge of it and every run's path lies exactly on its
 * own edge (the existing panels draw one surface per room).
 */
const EDGE: Record<Objective, number> = { quartic: 0, cubic: 1 };

/**
 * A one-weight model whose loss is `objective(w)`, plus σ·ε in the gradient when `gradNoise` σ > 0, from
 * `start` (default: the course's). With `view`, it draws the objective with its path and a velocity readout:
 * the momentum buffer after the last update, buf = (w_before − w_now)/lr_eff (w ← w − lr·buf, PyTorch form,
 * no weight decay), with lr_eff the run's lr under the lr schedule (every step is an epoch here).
 */
export function objectiveModel(
  objective: Objective,
  gradNoise: number,
  noiseSeed: number,
  start = OBJECTIVES[objective].start,
  view?: { hp: { lr: number }; options: OptionValues },
): LessonModel {
  const { js, djs } = OBJECTIVES[objective];
  const w = variableOf(() => tf.scalar(start), true);
  const rng = createRng(noiseSeed);
  const read = (): number => (w.dataSync() as Float32Array)[0] as number;
  const surface: ExactSurface = {
    xLabel: 'w',
    yLabel: 'objective (0 quartic, 1 w³)',
    xRange: [-4, 6],
    yRange: [0, 1],
    resolution: 61,
    // (1 − s)·quartic(w) + s·w³, rounded to float32 as the training loss is: at s = 0 or 1 exactly one objective.
    evaluate: (ws, ss) => Float32Array.from(ws, (w, i) => (1 - (ss[i] as number)) * OBJECTIVES.quartic.js(w) + (ss[i] as number) * OBJECTIVES.cubic.js(w)),
    position: () => [read(), EDGE[objective]],
  };
  const model: LessonModel = {
    params: [w],
    paramNames: ['w'],
    // l(w) and l′(w) from the JS formulas: a handful of flops, where the tensor formula and its tape took some 40
    // kernel calls per run and step. The value is rounded to float32 as a tensor's; the gradient is l′(w) at w in
    // float32, plus, in training, the gradient noise σ·ε (the course added its noise to the loss VALUE, which
    // leaves the gradient, and so the path, unchanged: issue 17).
    loss: (training) => {
      const at = read();
      const noise = training && gradNoise !== 0 ? gradNoise * rng.normal() : 0;
      const objective = (_w: tf.Tensor) => ({
        value: tf.scalar(js(at)),
        gradFunc: (dy: tf.Tensor) => tf.mul(dy, tf.scalar(djs(at) + noise)),
      });
      return tf.customGrad(objective as unknown as Parameters<typeof tf.customGrad>[0])(w) as tf.Scalar;
    },
    advance: () => {},
    // The objective is the whole "data set": every step is an epoch.
    stepsPerEpoch: () => 1,
    surface,
    dispose: () => w.dispose(),
  };
  if (view) {
    const path = new PathRecorder(1);
    recordOnTraining(model, path, () => [read()]);
    const { range } = OBJECTIVES[objective];
    const ws = stepGrid(range[0], range[1], 0.1);
    const curve = Float32Array.from(ws, js);
    model.views = (): DemoView => {
      const now = read();
      const visited = path.points([now]);
      const points = Float32Array.from({ length: 2 * visited.length }, (_, i) => (i % 2 ? js(visited[i >> 1] as number) : (visited[i >> 1] as number)));
      const before = path.last();
      const steps = path.recorded;
      const lr = view.hp.lr * scheduledLr(scheduleFromOptions(view.options), 1, Math.max(0, steps - 1));
      const buf = before && lr > 0 ? ((before[0] as number) - now) / lr : 0;
      return joinViews(
        curveView({
          name: 'objective',
          title: `objective l(w) with the path and the ball at w now (w = ${range[0]}…${range[1]}; past an end the ball waits there)`,
          x: ws,
          curves: [{ name: objective === 'cubic' ? 'l(w) = w³' : 'l(w) = 2w⁴ − 9w³ − 21w² + 88w + 48', values: curve }],
          // Earlier visits outside the range are left out; the last (w now) is kept for the ball to pin.
          points: pathWithin(points, range[0], range[1]),
          pointsName: 'visited w (the ball is now)',
          ball: true,
          xLabel: 'w',
          yLabel: 'l(w)',
        }),
        textView('velocity', `step ${steps}: w = ${fmt(now)}, l(w) = ${fmt(js(now))}, l′(w) = ${fmt(djs(now))}, momentum buffer (velocity) = ${fmt(buf)}`),
      );
    };
  }
  return model;
}

/**
 * The six runs at the options' momentum and learning rates: per objective (w³, quartic, quartic + noise) a plain
 * run (μ = 0) and a momentum run. At μ = 0 the momentum run's label says which of the two it is.
 */
function momentumRuns(options: OptionValues): Variant[] {
  const momentum = numberOption(options, 'momentum', DEFAULTS.momentum, 0, MAX_MOMENTUM);
  const cubicLr = numberOption(options, 'cubicLr', DEFAULTS.cubicLr, ...LR_RANGE);
  const quarticLr = numberOption(options, 'quarticLr', DEFAULTS.quarticLr, ...LR_RANGE);
  const runs = (objective: Objective, lr: number, noisy: boolean, name: string): Variant[] =>
    [0, momentum].map((mu, i) =>
      variant<Options>(`${name}, μ = ${fmt(mu)}${i === 1 && mu === 0 ? ' (momentum run)' : ''}`, { objective, noisy }, { optimizer: 'momentum', momentum: mu, lr }),
    );
  return [...runs('cubic', cubicLr, false, 'w³'), ...runs('quartic', quarticLr, false, 'quartic'), ...runs('quartic', quarticLr, true, 'quartic + gradient noise')];
}

export const ch08_07: TrainingLesson = {
  info: {
    id: 'ch08-07',
    title: 'Momentum on one-dimensional objectives',
    chapter: 8,
    trains: true,
    // Every variant fixes its lr, momentum and optimizer (the lesson options set them); only the pace is left.
    controls: ['speed'],
    channels: ['metrics', 'params', 'surface', 'path', 'panels'],
    defaults: { optimizer: 'momentum', speed: 5 },
    description:
      'A single weight w whose loss is the objective itself, descended with and without momentum (PyTorch form ' +
      'buf = μ·buf + g, w ← w − lr·buf; μ = 0 is plain gradient descent), six runs side by side. On w³ from w = 4 ' +
      '(lr 0.01) plain descent slows down towards the saddle at 0 (1.735 after 10 steps) while momentum carries w ' +
      'through it (−4.100 after 10 steps, off the course’s plot as off ours) and on down the slope that has no ' +
      'bottom, until w³ overflows float32 and the run freezes. On the quartic 2w⁴ − 9w³ − 21w² + 88w + 48 from w = 6 (lr 0.001) plain descent stops in the local ' +
      'minimum at w = 4 (l = 0) while momentum rolls over the bump at 1.375 into the global minimum at w = −2 ' +
      '(l = −108). The last two runs repeat the quartic with Gaussian noise of std 10 (the gradient-noise option) added to the gradient. The ' +
      'surface is drawn over w ∈ [−4, 6] and an axis s that blends the two objectives, (1 − s)·quartic + s·w³: the ' +
      'quartic runs move along its s = 0 edge and the cubic runs along s = 1, each path exactly on its own ' +
      'objective. Course bugs fixed: the noise goes into the gradient (the original added std·N(0, 1) to the loss ' +
      'value, which does not change the gradient, so its “noisy” runs followed exactly the same path and only the ' +
      'plotted values jittered); every run has its own optimizer and momentum buffer (the original reused one ' +
      'optimizer between its noise-free and noisy quartic runs, so the buffer carried over). Panels, per run: the ' +
      'objective over the course’s plotted range (w³ over −4…4, the quartic over −4…6) with every visited (w, l(w)) ' +
      'and a ball at the current w that rolls along the curve from step to step (it waits at the plot’s end once w ' +
      'leaves the range), as the course’s one figure per run, and a readout of w, l, l′ and the momentum buffer (the velocity). ' +
      'Options: the momentum μ of the three momentum runs (0 to 0.99, the course’s 0.9 by default; the plain runs ' +
      'stay at μ = 0), the lr of the w³ runs (cubicLr, the course’s 0.01) and of the quartic runs (quarticLr, the ' +
      'course’s 0.001) — the legend labels follow μ — the start w of each objective and the std of the gradient ' +
      'noise of the last two runs; each restarts the run.',
    options: CONTROLS,
  },
  variants: momentumRuns({}),
  variantsFor: momentumRuns,
  build: ({ seed, hp, variant: v, options }) => {
    const { objective, noisy } = optionsOf<Options>(v, { objective: 'cubic', noisy: false });
    const start = numberOption(options, objective === 'cubic' ? 'cubicStart' : 'quarticStart', OBJECTIVES[objective].start);
    const std = noisy ? numberOption(options, 'gradNoise', DEFAULTS.gradNoise) : 0;
    // The noisy runs draw the same noise sequence, so they differ by their momentum alone.
    return objectiveModel(objective, std, subSeed(seed, NOISE_STREAM), start, { hp, options });
  },
};
