/**
 * The "hidden units" option several lessons offer (the catalogue's live control of ch07-01/02/03/04/05/05b): the
 * width of the hidden layer, which rebuilds the network and restarts the run. Plain metadata (no tfjs), since
 * the socket thread lists lessons.
 */
import { int, type IntegerOption } from '@gradcast/shared';

/**
 * `course`: the course's width (the default); `max`: the widest offered; `why`: what the width does here. A
 * comparison gives each run its own width: `run` names the option and says which run it sets (e.g. ch07-02's
 * hiddenRun1, "run 1 hidden units").
 */
export function hiddenUnitsControl(course: number, max: number, why: string): IntegerOption<'hidden'>;
export function hiddenUnitsControl<N extends string>(course: number, max: number, why: string, run: { name: N; index: number }): IntegerOption<N>;
export function hiddenUnitsControl(course: number, max: number, why: string, run?: { name: string; index: number }): IntegerOption {
  const help = `Units of the hidden layer (the course: ${course}${why ? `, ${why}` : ''}). Restarts the run.`;
  return int(run?.name ?? 'hidden', {
    label: run ? `run ${run.index} hidden units` : 'hidden units',
    default: course,
    min: 1,
    max,
    step: 1,
    help: run ? `Run ${run.index}: ${help}` : help,
  });
}
