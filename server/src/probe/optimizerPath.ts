/**
 * The optimizer's trajectory in surface coordinates, as a `path` frame: the point θ_k and its loss L(θ_k)
 * for every step k (decimated when long, see StepSeries). For two-parameter models this is the true
 * parameter trajectory. Live frames carry the recent points only; clients merge them by step. A comparison
 * lesson's frame holds every variant's path: xy [v, n, 2] and loss [v, n] (one run: [n, 2] and [n]).
 *
 * The series holds columns (x, y, loss) for each run. Plain arrays in, a plain frame out (no tfjs): the training
 * worker makes live frames with it, and the room, on the socket thread, a newcomer's whole path.
 */
import { field, type Frame, StepSeries } from '@gradcast/shared';

/** The last `count` points of the path (all of them by default); `full` marks a whole-path frame. */
export function pathFrame(
  path: StepSeries,
  generation: number,
  step: number,
  labels: [string, string],
  count: number = path.length,
  full = true,
  runs = Math.floor(path.columns.length / 3),
): Frame {
  const { steps, columns } = path.tail(count);
  const n = steps.length;
  const xy = new Float32Array(runs * n * 2);
  const loss = new Float32Array(runs * n);
  for (let r = 0; r < runs; r++) {
    const [xs, ys, ls] = columns.slice(3 * r, 3 * r + 3) as [number[], number[], number[]];
    for (let i = 0; i < n; i++) {
      xy[2 * (r * n + i)] = xs[i] as number;
      xy[2 * (r * n + i) + 1] = ys[i] as number;
      loss[r * n + i] = ls[i] as number;
    }
  }
  return {
    channel: 'path',
    generation,
    step,
    meta: { xLabel: labels[0], yLabel: labels[1], full },
    fields: {
      step: field('f64', Float64Array.from(steps)),
      xy: field('f32', xy, runs === 1 ? [n, 2] : [runs, n, 2]),
      loss: field('f32', loss, runs === 1 ? [n] : [runs, n]),
    },
  };
}
