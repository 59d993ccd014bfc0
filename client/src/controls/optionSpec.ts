/**
 * A demo lesson's numeric control (shared LessonOption) as the slider spec NumberControl takes. Integers step by
 * whole numbers. A control without a range gets one around its default (0 … 10 × |default|, at least 0 … 10),
 * so the slider always has ends; the server checks the real limits.
 */
import type { LessonOption, OptionValues, NumberSpec } from '@gradcast/shared';

export type SliderSpec = Pick<NumberSpec, 'label' | 'help' | 'min' | 'max' | 'log' | 'step'>;

export function optionNumberSpec(c: LessonOption): SliderSpec {
  const start = typeof c.default === 'number' && Number.isFinite(c.default) ? c.default : 0;
  const min = c.min ?? Math.min(0, start);
  const max = c.max ?? Math.max(min + 10, 10 * Math.abs(start));
  const step = c.step ?? (c.kind === 'integer' ? 1 : (max - min) / 100);
  return { label: c.label, help: c.help ?? '', min, max, step: c.kind === 'integer' ? Math.max(1, Math.round(step)) : step, log: false };
}

/** Whether a control shows now: always, or while the control it names has one of its values (shownWhen). */
export function isShown(c: LessonOption, values: OptionValues): boolean {
  const when = c.shownWhen;
  if (!when) return true;
  const value = values[when.control];
  return value !== undefined && when.equals.includes(value);
}
