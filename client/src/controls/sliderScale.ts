/**
 * Slider position ↔ hyperparameter value. Log-scale specs (learning rates, 1e-4 … 10) use an integer position
 * 0 … LOG_POSITIONS spread evenly over log10(value), so every decade gets the same travel; values are rounded
 * to 4 significant digits, so what is sent is what every member's readout shows. Linear specs use the value
 * itself as the position, snapped to the spec's step.
 */
import type { NumberSpec } from '@gradcast/shared';
import { roundSig } from '../format.ts';

/** Positions of a log slider (0 … 1000). */
export const LOG_POSITIONS = 1000;

export interface SliderScale {
  /** `<input type=range>` attributes. */
  min: number;
  max: number;
  step: number;
  toValue(position: number): number;
  toPosition(value: number): number;
}

type Range = Pick<NumberSpec, 'min' | 'max' | 'log' | 'step'>;

export function sliderScale(spec: Range): SliderScale {
  const { min, max } = spec;
  if (spec.log && min > 0 && max > min) {
    const lo = Math.log10(min);
    const span = Math.log10(max) - lo;
    return {
      min: 0,
      max: LOG_POSITIONS,
      step: 1,
      toValue: (p) => roundSig(10 ** (lo + (clamp(p, 0, LOG_POSITIONS) / LOG_POSITIONS) * span), 4),
      toPosition: (v) =>
        Number.isFinite(v) && v > 0 ? clamp(Math.round(((Math.log10(v) - lo) / span) * LOG_POSITIONS), 0, LOG_POSITIONS) : 0,
    };
  }
  const step = spec.step ?? (max - min) / 100;
  // Decimals of the step, so 0.1 + 0.2 snaps to 0.3 and not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return {
    min,
    max,
    step,
    toValue: (p) => Number((min + Math.round((clamp(p, min, max) - min) / step) * step).toFixed(decimals)),
    toPosition: (v) => (Number.isFinite(v) ? clamp(v, min, max) : min),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
