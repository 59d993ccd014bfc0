/**
 * The loss landscape's settings as the landscape toolbar shows them: the lesson's landscape options
 * (landscapePlane, landscapeRun, landscapeRun2, landscapeDirections: hot, view-only options the server lists with
 * the lesson's others) read with their current values, the runs' names, and what the panel is showing now.
 * A lesson (or an older server) without them gets null, and the toolbar only says what the slice is.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import type { Landscape, PlaneKind } from '../net/landscape.ts';
import { resolutionLabel } from '../scene/landscapeText.ts';

/** The planes in words, as the toolbar offers them. */
export const PLANE_LABELS: Readonly<Record<PlaneKind, string>> = {
  trajectory: 'Trajectory (PCA)',
  random: 'Random directions',
  runs: 'Both runs',
};

const isPlane = (v: unknown): v is PlaneKind => v === 'trajectory' || v === 'random' || v === 'runs';

export interface LandscapeControls {
  /** The planes offered, in the option's order. */
  planes: PlaneKind[];
  /** The plane chosen (the option's value). */
  plane: PlaneKind;
  /** How many runs the lesson compares (1: no run choice). */
  runCount: number;
  /** The run the plane goes through (1-based), or null without that option. */
  run: number | null;
  /** The runs plane's second run (1-based), or null without that option. */
  run2: number | null;
  /** The random directions' seed and its largest value, or null without that option. */
  directions: { seed: number; max: number } | null;
}

/** The landscape's settings of a lesson's options and their values; null when it has no landscapePlane option. */
export function landscapeControls(options: readonly LessonOption[], values: OptionValues): LandscapeControls | null {
  const spec = (name: string): LessonOption | undefined => options.find((c) => c.name === name);
  const plane = spec('landscapePlane');
  if (!plane) return null;
  const planes = (plane.options ?? []).filter(isPlane);
  const chosen = values['landscapePlane'] ?? plane.default;
  const number = (c: LessonOption | undefined): number | null => {
    if (!c) return null;
    const v = values[c.name] ?? c.default;
    return typeof v === 'number' ? v : null;
  };
  const runSpec = spec('landscapeRun');
  const seedSpec = spec('landscapeDirections');
  const seed = number(seedSpec);
  return {
    planes,
    plane: isPlane(chosen) ? chosen : (planes[0] ?? 'trajectory'),
    runCount: runSpec?.max ?? 1,
    run: number(runSpec),
    run2: number(spec('landscapeRun2')),
    directions: seedSpec && seed !== null ? { seed, max: seedSpec.max ?? 999_999 } : null,
  };
}

/**
 * The names of `count` runs: the landscape's own list (meta `runs`), else the charts' (metrics `variants`), else
 * "run 1", "run 2"…
 */
export function runLabels(count: number, fromLandscape: readonly string[], variants: readonly string[]): string[] {
  const names = fromLandscape.length === count ? fromLandscape : variants.length === count ? variants : [];
  return Array.from({ length: count }, (_, k) => names[k] ?? `run ${k + 1}`);
}

/** The settings in words, for members who may not change them: "Both runs plane · runs sgd and adam". */
export function settingsText(c: LandscapeControls, labels: readonly string[]): string {
  const run = (k: number | null): string => (k === null ? '' : (labels[k - 1] ?? `run ${k}`));
  if (c.runCount < 2 || c.run === null) return `${PLANE_LABELS[c.plane]} plane`;
  const runs = c.plane === 'runs' && c.run2 !== null ? `runs ${run(c.run)} and ${run(c.run2)}` : `run ${run(c.run)}`;
  return `${PLANE_LABELS[c.plane]} plane · ${runs}`;
}

/** The "New directions" seed: the next one, back to 1 past the largest. */
export function nextDirections(seed: number, max: number): number {
  return seed >= max || !(seed >= 1) ? 1 : Math.floor(seed) + 1;
}

/**
 * What the panel shows, in words: "computing…" until a slice of the chosen plane (and run) has arrived, then its
 * resolution ("9×9, refining…" … "33×33"). The slice on screen until then is the previous one.
 */
export function landscapeState(l: Landscape | null, c: LandscapeControls | null, labels: readonly string[]): string {
  if (!l) return 'computing…';
  if (c && l.kind !== c.plane) return 'computing…';
  const wanted = c?.run ? labels[c.run - 1] : undefined;
  if (wanted !== undefined && l.run !== null && l.run !== wanted) return 'computing…';
  return resolutionLabel(l.resolution);
}
