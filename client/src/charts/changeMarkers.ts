/**
 * The change markers of the loss and accuracy charts, from the session's change log (snapshot, hp:changed,
 * options:changed) and the lineage of generations: one marker per step at which something that shapes the training
 * changed, along the history the charts show now.
 *
 * Which changes the current history still shows (the server cuts its own log the same way, server/src/room/
 * changeLog.ts, so a late joiner sees what everyone else sees): a generation that starts at step s > 0 keeps the
 * history up to s (a revert to the checkpoint at s; a rebuild such as batch norm on, which goes on from the current
 * step), so it keeps the changes at steps ≤ s; one that starts at step 0 (reset, a restarting option) begins a
 * history of its own and keeps none. A change reaches the current generation only through every generation in
 * between; one of an unknown start (never seen) lets nothing through.
 */
import { markedChanges, type Annotation, type LessonOption } from '@gradcast/shared';
import type { Lineage } from '../net/lineage.ts';
import { changesText, markerTitle } from './markerLabel.ts';

export interface ChangeMarker {
  /** Optimizer updates done when the change took effect: the marker's x on a step axis. */
  step: number;
  /** Short text beside the line ("lr 0.1→0.03"). */
  label: string;
  /** Full text for the tooltip and screen readers: step, every change, who made it. */
  title: string;
}

/**
 * For each generation g from `lineage.base` to `generation`, the last step of g whose changes the current history
 * still shows (-1: none; Infinity: all, g being the current one).
 */
export function keptThrough(lineage: Lineage, generation: number): Map<number, number> {
  const kept = new Map<number, number>([[generation, Infinity]]);
  let limit = Infinity;
  for (let g = generation; g > lineage.base; g--) {
    const start = lineage.starts[g];
    limit = start !== undefined && start > 0 ? Math.min(limit, start) : -1;
    kept.set(g - 1, limit);
  }
  return kept;
}

/**
 * Whether a change still shows on the current history. Changes of generations before the one joined with come
 * from the server's log, already cut to that generation.
 */
export function onHistory(a: Pick<Annotation, 'generation' | 'step'>, kept: ReadonlyMap<number, number>, base: number): boolean {
  const limit = kept.get(Math.max(a.generation, base));
  return limit !== undefined && a.step <= limit;
}

/** The markers of the current history, by step; changes at one step (made one after the other) share a marker. */
export function changeMarkers(
  log: readonly Annotation[],
  lineage: Lineage,
  generation: number,
  controls: readonly LessonOption[] = [],
): ChangeMarker[] {
  const kept = keptThrough(lineage, generation);
  const byStep = new Map<number, { text: string; by: string }[]>();
  for (const a of log) {
    if (!onHistory(a, kept, lineage.base)) continue;
    const changes = markedChanges(a, controls);
    if (!Object.keys(changes).length) continue;
    const parts = byStep.get(a.step) ?? [];
    parts.push({ text: changesText(changes, controls), by: a.by.name });
    byStep.set(a.step, parts);
  }
  return [...byStep.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, parts]) => ({ step, label: parts.map((p) => p.text).join(', '), title: markerTitle(step, parts) }));
}
