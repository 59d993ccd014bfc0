/**
 * The words of a loss-landscape slice: its caption (kind of plane, explained variance, resolution), the readout of
 * one path point, and the text alternative that gives a screen reader the numbers the picture shows (a comparison's
 * other runs on the plane included). Pure functions of the typed view (net/landscape.ts), so the 3-D view, the
 * contour map and the tests read the same text.
 */
import { FINEST_RESOLUTION, type Landscape, type PlanePath } from '../net/landscape.ts';
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
export function pointReadout(l: { path: PlanePath; xLabel: string; yLabel: string }, i: number): string {
  const p = l.path;
  return (
    `${l.xLabel} = ${formatLoss(p.x[i])}, ${l.yLabel} = ${formatLoss(p.y[i])}, ` +
    `loss ${formatLoss(p.loss[i])}, ${formatLoss(p.distance[i])} from the plane`
  );
}

type SliceGrid = Pick<Landscape, 'z' | 'nx' | 'ny' | 'xMin' | 'xMax' | 'yMin' | 'yMax'>;

/** The slice's loss at (α, β) = (0, 0), the weights the plane was made through, bilinear between grid points; NaN off the grid. */
function originLoss(l: SliceGrid): number {
  const fx = ((0 - l.xMin) / (l.xMax - l.xMin)) * (l.nx - 1);
  const fy = ((0 - l.yMin) / (l.yMax - l.yMin)) * (l.ny - 1);
  if (!(fx >= 0 && fx <= l.nx - 1 && fy >= 0 && fy <= l.ny - 1)) return NaN;
  const i = Math.min(Math.floor(fx), l.nx - 2);
  const j = Math.min(Math.floor(fy), l.ny - 2);
  const tx = fx - i;
  const ty = fy - j;
  const at = (di: number, dj: number): number => l.z[(j + dj) * l.nx + i + di] as number;
  return (at(0, 0) * (1 - tx) + at(1, 0) * tx) * (1 - ty) + (at(0, 1) * (1 - tx) + at(1, 1) * tx) * ty;
}

/**
 * The numbers of a slice: the loss's range over the grid, and at (α, β) = (0, 0), the weights the plane goes
 * through (a runs plane: the runs' common start).
 */
export function sliceStats(l: SliceGrid): { min: number; max: number; origin: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < l.z.length; k++) {
    const v = l.z[k] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min: min === Infinity ? NaN : min, max: max === -Infinity ? NaN : max, origin: originLoss(l) };
}

/** The farthest distance from the plane among a path's points (0 for none). */
function farthest(p: PlanePath): number {
  return p.distance.reduce((m, d) => (Number.isFinite(d) && d > m ? d : m), 0);
}

/** The other runs on the plane in words: each one's points and its newest one. */
function othersText(l: Landscape): string {
  const runs = l.others.map((o) => {
    const k = o.x.length;
    return `${o.run}, ${k} point${k === 1 ? '' : 's'}, newest ${pointReadout({ path: o, xLabel: l.xLabel, yLabel: l.yLabel }, k - 1)}`;
  });
  return `Other runs on the plane, at their true losses: ${runs.join('; ')}.`;
}

/** The text alternative of the 3-D view and the contour map: every number they show, in one paragraph. */
export function landscapeSummary(l: Landscape, logHeight: boolean): string {
  const { min, max, origin } = sliceStats(l);
  const k = l.path.x.length;
  const through = l.kind === 'runs' ? "the runs' common start" : 'the weights the plane was made through';
  const parts = [
    `Loss landscape at step ${l.step}: ${planeCaption(l)}.`,
    `${l.xLabel} from ${formatLoss(l.xMin)} to ${formatLoss(l.xMax)}, ${l.yLabel} from ${formatLoss(l.yMin)} to ${formatLoss(l.yMax)}, in ${PLANE_UNITS};`,
    `${resolutionLabel(l.resolution)} points over ${l.samples} samples.`,
    `Loss over the plane from ${formatLoss(min)} to ${formatLoss(max)}` +
      (Number.isFinite(origin) ? `, ${formatLoss(origin)} at ${l.xLabel} = ${l.yLabel} = 0 (${through}).` : '.'),
    `Heights ${logHeight ? 'logarithmic, log10(loss − min + ε)' : 'log(1 + loss)'}.`,
  ];
  if (k > 0) {
    parts.push(
      `Path${l.run ? ` of ${l.run}` : ''}: ${k} point${k === 1 ? '' : 's'}, ${formatLoss(pathLength(l.path))} long in the plane, drawn at each point's true loss, ` +
        `farthest ${formatLoss(farthest(l.path))} from the plane; newest point: ${pointReadout(l, k - 1)}.`,
    );
  }
  if (l.others.length) parts.push(othersText(l));
  if (l.velocity) parts.push(`Optimizer velocity (${formatLoss(l.velocity[0])}, ${formatLoss(l.velocity[1])}) in ${l.xLabel}, ${l.yLabel}.`);
  return parts.join(' ');
}
