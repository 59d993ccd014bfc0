/**
 * Which live changes deserve a marker on the loss chart: one rule for the server's change log (what a late joiner
 * receives) and the client's markers (what a member saw live), so both show the same.
 *  - hyperparameters (hp:set): all but pacing (speed leaves the curve as it was);
 *  - lesson options (options:set): the hot ones that shape the training (the lr schedule, its constant, the epoch
 *    to pause after), not the view-only ones (LessonOption.viewOnly: a drawn digit, the sample shown). None when an
 *    option in the change is not hot: it restarted the run, and a fresh history has no "before" to mark.
 * The kind is explicit because an option may share a hyperparameter's name (ch08-03's `dropout` option).
 */
import { hyperparamSpecs, isHyperparamName } from './hyperparams.ts';
import type { LessonOption } from './lessons.ts';
import type { Annotation } from './protocol.ts';

export function markedChanges(a: Pick<Annotation, 'kind' | 'changes'>, controls: readonly LessonOption[]): Annotation['changes'] {
  const picked: Annotation['changes'] = {};
  for (const [name, pair] of Object.entries(a.changes)) {
    if (a.kind === 'hp') {
      if (isHyperparamName(name) && hyperparamSpecs[name].apply !== 'pace') picked[name] = pair;
      continue;
    }
    const control = controls.find((c) => c.name === name);
    if (!control?.hot) return {};
    if (!control.viewOnly) picked[name] = pair;
  }
  return picked;
}
