/**
 * The optimizer's trajectory in surface coordinates, as a `path` frame: the point θ_k and its loss L(θ_k)
 * for every step k (decimated when long, see StepSeries). For two-parameter models this is the true
 * parameter trajectory.
 */
import { field, type Frame, StepSeries } from '@gradcast/shared';

export function createPath(capacity = 2048): StepSeries {
  return new StepSeries(capacity, 3);
}

export function pathFrame(path: StepSeries, generation: number, step: number, labels: [string, string]): Frame {
  const n = path.length;
  const xy = new Float32Array(n * 2);
  const [xs, ys, losses] = path.columns as [number[], number[], number[]];
  for (let i = 0; i < n; i++) {
    xy[2 * i] = xs[i] as number;
    xy[2 * i + 1] = ys[i] as number;
  }
  return {
    channel: 'path',
    generation,
    step,
    meta: { xLabel: labels[0], yLabel: labels[1] },
    fields: {
      step: field('f64', Float64Array.from(path.steps)),
      xy: field('f32', xy, [n, 2]),
      loss: field('f32', Float32Array.from(losses)),
    },
  };
}
