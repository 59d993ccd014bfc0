/**
 * The change markers of the loss and accuracy charts, from the session's change log: one marker per step at which
 * something that shapes the training changed. The log holds the changes along the history the charts show now:
 * the session keeps it with the server's own rule (ChangeLog, cut as each new generation starts), so a late joiner
 * sees what everyone else sees.
 */
import { markedChanges, type Annotation, type LessonOption } from '@gradcast/shared';
import { changesText, markerTitle } from './markerLabel.ts';

export interface ChangeMarker {
  /** Optimizer updates done when the change took effect: the marker's x on a step axis. */
  step: number;
  /** Short text beside the line ("lr 0.1→0.03"). */
  label: string;
  /** Full text for the tooltip and screen readers: step, every change, who made it. */
  title: string;
}

/** The markers of the log's changes, by step; changes at one step (made one after the other) share a marker. */
export function changeMarkers(log: readonly Annotation[], controls: readonly LessonOption[] = []): ChangeMarker[] {
  const byStep = new Map<number, { text: string; by: string }[]>();
  for (const a of log) {
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
