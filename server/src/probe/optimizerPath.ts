/**
 * The optimizer's trajectory in surface coordinates, as a `path` frame: the point θ_k and its loss L(θ_k)
 * for every step k (decimated when long, see StepSeries). For two-parameter models this is the true
 * parameter trajectory. Live frames carry the recent points only; clients merge them by step.
 */
import { field, type Frame, StepSeries } from '@gradcast/shared';

export function createPath(capacity = 2048): StepSeries {
  return new StepSeries(capacity, 3);
}

/** The last `count` points of the path (all of them by default); `full` marks a whole-path frame. */
export function pathFrame(
  path: StepSeries,
  generation: number,
  step: number,
  labels: [string, string],
  count: number = path.length,
  full = true,
): Frame {
  const { steps, columns } = path.tail(count);
  const n = steps.length;
  const xy = new Float32Array(n * 2);
  const [xs, ys, losses] = columns as [number[], number[], number[]];
  for (let i = 0; i < n; i++) {
    xy[2 * i] = xs[i] as number;
    xy[2 * i + 1] = ys[i] as number;
  }
  return {
    channel: 'path',
    generation,
    step,
    meta: { xLabel: labels[0], yLabel: labels[1], full },
    fields: {
      step: field('f64', Float64Array.from(steps)),
      xy: field('f32', xy, [n, 2]),
      loss: field('f32', Float32Array.from(losses)),
    },
  };
}
