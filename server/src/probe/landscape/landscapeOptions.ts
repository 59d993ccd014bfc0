/**
 * The presenter's settings of the live loss landscape, as lesson options (hot and view-only: changing one never
 * restarts training) that every lesson with the `landscape` channel offers after its own: which plane
 * (trajectory, random, and for comparisons whose runs share their start, runs), which run it goes through, and the
 * random directions' seed (the client's "New directions" button steps it). Plain specs, no tfjs: the catalogue
 * lists them on the socket thread, and liveLandscape.ts reads the values with landscapeSettings.
 */
import { choice, int, type LessonOption } from '@gradcast/shared';

export type PlaneKind = 'random' | 'trajectory' | 'runs';
const KINDS: readonly PlaneKind[] = ['random', 'trajectory', 'runs'];

/** A comparison's runs, for its landscape options: how many, and whether they start from the same weights. */
export interface ComparisonRuns {
  count: number;
  sharedStart: boolean;
}

const PLANE_HELP =
  'The plane the loss landscape is sliced along: trajectory (the two directions the recent path moved along most, ' +
  'with the share of its motion each explains), random (two filter-normalised random directions through the ' +
  'weights now, as in Li et al. 2018)';

/** The landscape's option specs for a lesson with one run, or with the runs of a comparison. */
export function landscapeOptions(runs?: ComparisonRuns): LessonOption[] {
  const withRuns = runs !== undefined && runs.count > 1 && runs.sharedStart;
  const plane = choice('landscapePlane', withRuns ? (['runs', 'trajectory', 'random'] as const) : (['trajectory', 'random'] as const), {
    label: 'landscape plane',
    default: withRuns ? 'runs' : 'trajectory',
    help: withRuns ? `${PLANE_HELP}, or runs (the plane through the runs’ common start and two runs’ weights now: both paths on one landscape)` : PLANE_HELP,
    hot: true,
    viewOnly: true,
  });
  const directions = int('landscapeDirections', {
    label: 'random directions',
    default: 1,
    min: 1,
    max: 999_999,
    step: 1,
    help: 'The seed of the random plane’s two directions: another value draws new ones',
    hot: true,
    viewOnly: true,
    shownWhen: { control: 'landscapePlane', equals: ['random'] },
  });
  if (!runs || runs.count < 2) return [plane, directions];
  const run = (name: string, label: string, fallback: number, help: string): LessonOption =>
    int(name, { label, default: fallback, min: 1, max: runs.count, step: 1, help, hot: true, viewOnly: true });
  return [
    plane,
    run('landscapeRun', 'landscape run', 1, 'The run (1 = the first in the legend) whose weights the plane goes through and whose path it shows; with the runs plane, the first of the two'),
    ...(withRuns
      ? [{ ...run('landscapeRun2', 'second run', runs.count, 'The other run of the runs plane (the last by default: the two ends of the comparison)'), shownWhen: { control: 'landscapePlane', equals: ['runs'] } }]
      : []),
    directions,
  ];
}

export interface LandscapeSettings {
  kind: PlaneKind;
  /** The run on screen (random, trajectory) or run a (runs plane), 0-based. */
  run: number;
  /** Run b of a runs plane, 0-based. */
  runB: number;
  /** The random directions' seed. */
  seed: number;
}

/** The settings the options hold, for `runs` runs (missing or out-of-range values read as the defaults). */
export function landscapeSettings(values: Readonly<Record<string, unknown>>, runs: number): LandscapeSettings {
  const kind = KINDS.find((k) => k === values.landscapePlane) ?? (runs > 1 ? 'runs' : 'trajectory');
  const index = (v: unknown, fallback: number): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= runs ? v - 1 : Math.min(fallback, runs - 1);
  const seed = typeof values.landscapeDirections === 'number' ? values.landscapeDirections : 1;
  return { kind: runs > 1 || kind !== 'runs' ? kind : 'trajectory', run: index(values.landscapeRun, 0), runB: index(values.landscapeRun2, runs - 1), seed };
}
