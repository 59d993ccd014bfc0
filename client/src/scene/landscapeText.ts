/**
 * The words of a loss-landscape slice: its caption (kind of plane, explained variance, resolution), the readout of
 * one path point, and the text alternative that gives a screen reader the numbers the picture shows. Pure
 * functions of the typed view (net/landscape.ts), so the 3-D view, the contour map and the tests read the same text.
 */
import { FINEST_RESOLUTION, type Landscape } from '../net/landscape.ts';
import { formatLoss, formatPercent } from '../format.ts';

/** What the axes measure (the panel's title and the views' tooltips). */
export const PLANE_UNITS = 'filter-normalised units';

/** The kind of plane, with each direction's share of the trajectory's variance on a trajectory plane. */
export function planeCaption(l: Pick<Landscape, 'kind' | 'explained' | 'run' | 'xLabel' | 'yLabel'>): string {
  const run = l.run ? ` (${l.run})` : '';
  switch (l.kind) {
    case 'trajectory': {
      const shares = l.explained
        ? `: ${l.xLabel} explains ${formatPercent(l.explained[0])}, ${l.yLabel} ${formatPercent(l.explained[1])} of its variance`
        : '';
      return `trajectory plane${run}, the path's two principal directions${shares}`;
    }
    case 'runs':
      return `runs plane${run}, through the common start and two runs' weights`;
    default:
      return `random plane${run}, two filter-normalised random directions`;
  }
}

/** "9×9, refining…" while a finer slice is to come, then "33×33". */
export function resolutionLabel(resolution: number): string {
  return `${resolution}×${resolution}${resolution < FINEST_RESOLUTION ? ', refining…' : ''}`;
}

/** Length of the projected path in the plane (sum of its steps in α, β), over its finite points. */
export function pathLength(path: { x: ArrayLike<number>; y: ArrayLike<number> }): number {
  let length = 0;
  let px = NaN;
  let py = NaN;
  for (let i = 0; i < Math.min(path.x.length, path.y.length); i++) {
    const x = path.x[i] as number;
    const y = path.y[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (Number.isFinite(px)) length += Math.hypot(x - px, y - py);
    px = x;
    py = y;
  }
  return length;
}

/** One path point in words: where it is, its true loss and its distance from the plane. */
export function pointReadout(l: Pick<Landscape, 'path' | 'xLabel' | 'yLabel'>, i: number): string {
  const p = l.path;
  return (
    `${l.xLabel} = ${formatLoss(p.x[i])}, ${l.yLabel} = ${formatLoss(p.y[i])}, ` +
    `loss ${formatLoss(p.loss[i])}, ${formatLoss(p.distance[i])} from the plane`
  );
}

/** The numbers of a slice: the loss's range over the grid and at its centre point (θ when the range is centred). */
export function sliceStats(l: Pick<Landscape, 'z' | 'nx' | 'ny'>): { min: number; max: number; centre: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < l.z.length; k++) {
    const v = l.z[k] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const centre = l.z[Math.floor(l.ny / 2) * l.nx + Math.floor(l.nx / 2)] as number;
  return { min: min === Infinity ? NaN : min, max: max === -Infinity ? NaN : max, centre };
}

/** The text alternative of the 3-D view and the contour map: every number they show, in one paragraph. */
export function landscapeSummary(l: Landscape, logHeight: boolean): string {
  const { min, max, centre } = sliceStats(l);
  const k = l.path.x.length;
  const farthest = l.path.distance.reduce((m, d) => (Number.isFinite(d) && d > m ? d : m), 0);
  const parts = [
    `Loss landscape at step ${l.step}: ${planeCaption(l)}.`,
    `${l.xLabel} from ${formatLoss(l.xMin)} to ${formatLoss(l.xMax)}, ${l.yLabel} from ${formatLoss(l.yMin)} to ${formatLoss(l.yMax)}, in ${PLANE_UNITS};`,
    `${resolutionLabel(l.resolution)} points over ${l.samples} samples.`,
    `Loss over the plane from ${formatLoss(min)} to ${formatLoss(max)}, ${formatLoss(centre)} at the centre (the current weights).`,
    `Heights ${logHeight ? 'logarithmic, log10(loss − min + ε)' : 'log(1 + loss)'}.`,
  ];
  if (k > 0) {
    parts.push(
      `Path: ${k} point${k === 1 ? '' : 's'}, ${formatLoss(pathLength(l.path))} long in the plane, drawn at each point's true loss, ` +
        `farthest ${formatLoss(farthest)} from the plane; current point: ${pointReadout(l, k - 1)}.`,
    );
  }
  if (l.velocity) parts.push(`Optimizer velocity (${formatLoss(l.velocity[0])}, ${formatLoss(l.velocity[1])}) in ${l.xLabel}, ${l.yLabel}.`);
  return parts.join(' ');
}
