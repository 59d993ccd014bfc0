/**
 * A 1-D regression's training points (`data`) and the models' current prediction curves (`fit`), sampled at
 * FIT_POINTS evenly spaced x across the data's range.
 */
import { field, type Frame } from '@gradcast/shared';
import type { Regression1D } from '../train/lessonModel.ts';
import { linspace } from './lossSurface.ts';

export const FIT_POINTS = 64;

export function dataFrame(reg: Regression1D, generation: number, step: number): Frame {
  return {
    channel: 'data',
    generation,
    step,
    meta: {},
    fields: { x: field('f32', reg.x), y: field('f32', reg.y) },
  };
}

/**
 * The prediction curves of every run (the variants of a comparison share their data): `y` is [k] for one run,
 * [v, k] for v runs, in the order of the metrics frame's variants.
 */
export function fitFrame(regs: Regression1D[], generation: number, step: number): Frame {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of (regs[0] as Regression1D).x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const xs = linspace(lo, hi, FIT_POINTS);
  const ys = new Float32Array(regs.length * FIT_POINTS);
  regs.forEach((r, i) => ys.set(r.predict(xs), i * FIT_POINTS));
  return {
    channel: 'fit',
    generation,
    step,
    meta: {},
    fields: { x: field('f32', xs), y: field('f32', ys, regs.length === 1 ? [FIT_POINTS] : [regs.length, FIT_POINTS]) },
  };
}
