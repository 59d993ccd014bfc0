/**
 * Where the 3-D view writes its axes' text, so that no two labels meet (pure: the view only places sprites).
 *
 * The base square has the first parameter (w, α) along its front edge and the second (b, β) along its left edge;
 * the loss axis stands at the back-left corner (x = −1, y = +1). Three places crowd:
 *  - the front-left corner, where the first value of w and the first value of b would touch: b's ticks keep away;
 *  - the back-left corner, the foot of the loss axis, where b's last tick and the lowest loss tick meet: b's
 *    ticks keep away there too;
 *  - the middle of each edge, where the axis name would sit on a tick: the name goes into the widest gap between
 *    ticks, further out than them.
 * Labels are written at a fixed size in screen pixels (textSprite.ts), large enough to read on a projector.
 */
import { niceTicks } from '../../charts/ticks.ts';
import type { LegendTick } from './heightScale.ts';

/** Share of an axis's span kept clear of ticks at a crowded end. */
export const END_CLEARANCE = 0.12;

/**
 * About `count` round tick values over [min, max], leaving out those within END_CLEARANCE of the ends listed in
 * `clear` (the crowded corners).
 */
export function axisTicks(min: number, max: number, count: number, clear: readonly ('min' | 'max')[] = []): number[] {
  const span = max - min;
  return niceTicks(min, max, count).filter(
    (v) => !(clear.includes('min') && v - min < END_CLEARANCE * span) && !(clear.includes('max') && max - v < END_CLEARANCE * span),
  );
}

/**
 * Where an axis's name goes along it: the middle of the widest gap between its ticks and ends (of equally wide
 * gaps, the one nearest the axis's middle, so the name still reads as the axis's).
 */
export function namePlace(ticks: readonly number[], min: number, max: number): number {
  const stops = [min, ...ticks.filter((v) => v > min && v < max), max].sort((a, b) => a - b);
  const centre = (min + max) / 2;
  const tie = 1e-9 * Math.abs(max - min);
  let best = centre;
  let width = -1;
  for (let i = 1; i < stops.length; i++) {
    const gap = (stops[i] as number) - (stops[i - 1] as number);
    const mid = ((stops[i] as number) + (stops[i - 1] as number)) / 2;
    if (gap > width + tie || (gap > width - tie && Math.abs(mid - centre) < Math.abs(best - centre) - tie)) {
      width = Math.max(width, gap);
      best = mid;
    }
  }
  return best;
}

/**
 * The loss axis's ticks from the colour legend's (the same values at the same heights, t ∈ [0, 1] of the axis),
 * thinned so that ticks are at least `minGap` of the axis apart (the top one, the maximum, always kept).
 */
export function lossAxisTicks(ticks: readonly LegendTick[], minGap: number): LegendTick[] {
  const out: LegendTick[] = [];
  const top = ticks.at(-1);
  for (const tick of ticks) {
    if (tick === top) break;
    const last = out.at(-1);
    if ((!last || tick.t - last.t >= minGap) && (!top || top.t - tick.t >= minGap)) out.push(tick);
  }
  if (top) out.push(top);
  return out;
}

/**
 * How many ticks an axis of `lengthPx` screen pixels holds when each label needs `labelPx` pixels along it
 * (a tick label's width, with a gap): at least 2, at most 6.
 */
export function tickCount(lengthPx: number, labelPx: number): number {
  if (!(lengthPx > 0) || !(labelPx > 0)) return 2;
  return Math.max(2, Math.min(6, Math.floor(lengthPx / labelPx)));
}
