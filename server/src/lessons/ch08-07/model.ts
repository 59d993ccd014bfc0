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
import type { OptionsOf, OptionValues } from '@gradcast/shared';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../../data/prng.ts';
import { joinViews, textView } from '../../probe/views/compose.ts';
import { curveView, pathWithin, stepGrid } from '../../probe/views/curve1d.ts';
import { PathRecorder, recordOnTraining } from '../../probe/views/pathRecorder.ts';
import { variableOf } from '../../train/model.ts';
import { scheduledLr, scheduleFromOptions } from '../../train/schedules.ts';
import { fmt } from '../demoKit.ts';
import { NOISE_STREAM, subSeed } from '../../data/prng.ts';
import type { DemoView, ExactSurface, LessonModel, Variant } from '../types.ts';
import { optionsOf, variant } from '../variants.ts';
import { trainingLesson } from '../join.ts';
import { info } from './info.ts';

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
function momentumRuns({ momentum, cubicLr, quarticLr }: OptionsOf<typeof info.options>): Variant[] {
  const runs = (objective: Objective, lr: number, noisy: boolean, name: string): Variant[] =>
    [0, momentum].map((mu, i) =>
      variant<Options>(`${name}, μ = ${fmt(mu)}${i === 1 && mu === 0 ? ' (momentum run)' : ''}`, { objective, noisy }, { optimizer: 'momentum', momentum: mu, lr }),
    );
  return [...runs('cubic', cubicLr, false, 'w³'), ...runs('quartic', quarticLr, false, 'quartic'), ...runs('quartic', quarticLr, true, 'quartic + gradient noise')];
}

export const ch08_07 = trainingLesson(info, {
  variantsFor: momentumRuns,
  build: ({ seed, hp, variant: v, options }) => {
    const { objective, noisy } = optionsOf<Options>(v, { objective: 'cubic', noisy: false });
    const start = objective === 'cubic' ? options.cubicStart : options.quarticStart;
    const std = noisy ? options.gradNoise : 0;
    // The noisy runs draw the same noise sequence, so they differ by their momentum alone.
    return objectiveModel(objective, std, subSeed(seed, NOISE_STREAM), start, { hp, options });
  },
});
