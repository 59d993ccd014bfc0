/**
 * The loss curve as a `metrics` frame. A live frame carries a window of recent points (at most RECENT), so
 * a few dropped volatile frames lose nothing the next one does not repeat; a snapshot carries the whole
 * (decimated) series. Clients merge points by step.
 * meta holds the latest scalar metrics (stepsPerSecond, epoch, accuracies when a lesson has them).
 */
import { field, type Frame, type Meta, StepSeries } from '@gradcast/shared';

export const RECENT = 256;

export function metricsFrame(
  series: StepSeries,
  generation: number,
  step: number,
  meta: Meta,
  count: number = RECENT,
): Frame {
  const { steps, columns } = series.tail(count);
  return {
    channel: 'metrics',
    generation,
    step,
    meta,
    fields: {
      step: field('f64', Float64Array.from(steps)),
      loss: field('f32', Float32Array.from(columns[0] as number[])),
    },
  };
}
