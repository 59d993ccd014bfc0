/**
 * Colours of the runs of a lesson, shared by every view (loss and accuracy charts, paths on the surface and the
 * contour map) so one variant keeps one colour everywhere.
 *
 * Comparison lessons use the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
 * reordered for a dark background: its black is left out and its dark blue comes late. A single run keeps the
 * page's original colours (green loss curve, orange-red optimizer path).
 */

/** Okabe–Ito: orange, sky blue, bluish green, yellow, reddish purple, vermillion, blue, grey. */
export const VARIANT_COLORS: readonly string[] = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#CC79A7',
  '#D55E00',
  '#0072B2',
  '#BBBBBB',
];

/** The loss curve of a single run. */
export const SINGLE_LOSS_COLOR = '#35b779';
/** The optimizer path of a single run (contrasts with viridis everywhere on the surface). */
export const SINGLE_PATH_COLOR = '#ff6b4a';

/**
 * Colour of run `k` out of `count`; `single` is used when there is only one run. Past eight variants the
 * palette repeats (no lesson compares that many).
 */
export function runColor(k: number, count: number, single: string = SINGLE_LOSS_COLOR): string {
  if (count <= 1) return single;
  return VARIANT_COLORS[((k % VARIANT_COLORS.length) + VARIANT_COLORS.length) % VARIANT_COLORS.length] as string;
}

/** Colours of all `count` runs. */
export function runColors(count: number, single: string = SINGLE_LOSS_COLOR): string[] {
  return Array.from({ length: count }, (_, k) => runColor(k, count, single));
}
