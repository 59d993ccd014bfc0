/**
 * The "hidden units" option several lessons offer (the catalogue's live control of ch07-01/03/04/05/05b): the
 * width of the hidden layer, which rebuilds the network and restarts the run. Plain metadata (no tfjs), since
 * the socket thread lists lessons.
 */
import type { LessonOption } from '@gradcast/shared';

/** `course`: the course's width (the default); `max`: the widest offered; `why`: what the width does here. */
export function hiddenUnitsControl(course: number, max: number, why: string): LessonOption {
  return {
    name: 'hidden',
    label: 'hidden units',
    kind: 'integer',
    default: course,
    min: 1,
    max,
    step: 1,
    help: `Units of the hidden layer (the course: ${course}${why ? `, ${why}` : ''}). Restarts the run.`,
  };
}
