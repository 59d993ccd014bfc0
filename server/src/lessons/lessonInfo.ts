/**
 * A lesson's info as its info.ts writes it, made whole: what the catalogue lists and the socket thread reads. Plain
 * data built from shared and train/schedules.ts's option specs only, so listing the catalogue loads no tfjs.
 */
import type { LessonInfo, LessonOption } from '@gradcast/shared';
import { type ComparisonRuns, landscapeOptions } from '../probe/landscape/landscapeOptions.ts';
import { SCHEDULE_CONTROLS, STOP_CONTROL } from '../train/schedules.ts';

/** The options every training lesson offers after its own: the lr schedule and a pause after N epochs (all hot). */
type TrainingExtras = [...typeof SCHEDULE_CONTROLS, typeof STOP_CONTROL];

/**
 * A training lesson's info: `trains` set, and its own options (none when omitted) followed by the lr schedule and
 * the pause after N epochs, then, for a lesson with the `landscape` channel, the landscape's settings
 * (probe/landscape/landscapeOptions.ts; `comparison` says how many runs it has and whether they share their start).
 * The options keep their spec types, so OptionsOf<typeof info.options> types the build's (the landscape's, which
 * no build reads, as plain LessonOptions).
 */
export function trainingInfo<const O extends readonly LessonOption[] = []>(
  info: Omit<LessonInfo, 'trains' | 'options'> & { options?: O; comparison?: ComparisonRuns },
): LessonInfo & { trains: true; options: [...O, ...TrainingExtras, ...LessonOption[]] } {
  const { id, title, chapter, options, comparison, ...rest } = info;
  const own = (options ?? []) as O;
  const landscape = rest.channels.includes('landscape') ? landscapeOptions(comparison) : [];
  return { id, title, chapter, trains: true, ...rest, options: [...own, ...SCHEDULE_CONTROLS, STOP_CONTROL, ...landscape] };
}

/**
 * A demo's info (a lesson that does not train): no hyperparameter controls, its views on the `panels` channel, and
 * its options, which every demo has.
 */
export function demoInfo<const O extends readonly LessonOption[]>(
  info: Pick<LessonInfo, 'id' | 'title' | 'chapter' | 'description'> & { options: O },
): LessonInfo & { trains: false; options: [...O] } {
  const { id, title, chapter, description, options } = info;
  return { id, title, chapter, trains: false, controls: [], channels: ['panels'], defaults: {}, description, options: [...options] };
}
