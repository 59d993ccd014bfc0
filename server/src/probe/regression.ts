/**
 * A 1-D regression's training points (`data`) and the model's current prediction curve (`fit`), sampled at
 * FIT_POINTS evenly spaced x across the data's range.
 */
import { field, type Frame } from '@gradcast/shared';
import type { Regression1D } from '../lessons/types.ts';
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

export function fitFrame(reg: Regression1D, generation: number, step: number): Frame {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of reg.x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const xs = linspace(lo, hi, FIT_POINTS);
  return {
    channel: 'fit',
    generation,
    step,
    meta: {},
    fields: { x: field('f32', xs), y: field('f32', reg.predict(xs)) },
  };
}
