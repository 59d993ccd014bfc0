/**
 * The "who moved which control" line under the run controls: the last hyperparameter change and who made it
 * ("lr 0.1→0.03 by Alice"), shown for a few seconds (CHANGED_BY_MS) after each hp:changed, then faded out.
 */
import type { LessonOption, Role } from '@gradcast/shared';
import { changesText } from '../charts/markerLabel.ts';

/** How long the line stays before it fades, in milliseconds. */
export const CHANGED_BY_MS = 4000;

/** "lr 0.1→0.03 by Alice"; "" when nothing changed. Names are text: the page never renders them as HTML. */
export function changedByText(
  change: { by: { name: string; role: Role }; changes: Record<string, readonly [unknown, unknown]> },
  controls: readonly LessonOption[] = [],
): string {
  const what = changesText(change.changes, controls);
  return what ? `${what} by ${change.by.name}` : '';
}
