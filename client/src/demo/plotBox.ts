/**
 * Sizes of the 2-D plots (regions, scatter) in CSS px: the plot area keeps one unit on both axes, so a
 * boundary's angle and a cluster's shape read true, as long as the aspect stays between 1:2 and 2:1 (past
 * that the longer axis is squeezed, or a thin strip of data would be a line).
 */

export const MAX_ASPECT = 2;

/** Plot area {w, h} for data spanning xSpan × ySpan in `width` px, the longer side at most `maxSide` px. */
export function plotBox(width: number, xSpan: number, ySpan: number, maxSide = 380, minSide = 100): { w: number; h: number } {
  const raw = ySpan / xSpan;
  const r = Number.isFinite(raw) && raw > 0 ? Math.min(MAX_ASPECT, Math.max(1 / MAX_ASPECT, raw)) : 1;
  const w0 = Math.max(minSide, Math.min(width, maxSide));
  // Tall data: the height is capped first, and the width follows.
  const h = Math.min(maxSide, w0 * r);
  const w = Math.min(w0, h / r);
  return { w: Math.floor(w), h: Math.floor(h) };
}

/** Left margin (px) for y tick labels `ticks` at 11 px monospace (≈ 6.7 px a character), and a rotated y label. */
export function leftMargin(ticks: readonly number[], yLabel: boolean): number {
  const chars = Math.max(1, ...ticks.map((t) => String(t).length));
  return Math.max(30, Math.ceil(chars * 6.7) + 12) + (yLabel ? 18 : 0);
}

/** Dot radius (px) for n points: large enough to see a few, small enough that thousands do not merge. */
export function dotRadius(n: number): number {
  if (n <= 150) return 4.5;
  if (n <= 600) return 3.5;
  if (n <= 2500) return 2.5;
  return 1.8;
}
