/**
 * A lesson's info as its info.ts writes it, made whole: what the catalogue lists and the socket thread reads. Plain
 * data built from shared and train/schedules.ts's option specs only, so listing the catalogue loads no tfjs.
 */
import type { LessonInfo, LessonOption } from '@gradcast/shared';
import { SCHEDULE_CONTROLS, STOP_CONTROL } from '../train/schedules.ts';

/** The options every training lesson offers after its own: the lr schedule and a pause after N epochs (all hot). */
type TrainingExtras = [...typeof SCHEDULE_CONTROLS, typeof STOP_CONTROL];

/**
 * A training lesson's info: `trains` set, and its own options (none when omitted) followed by the lr schedule and
 * the pause after N epochs. The options keep their spec types, so OptionsOf<typeof info.options> types the build's.
 */
export function trainingInfo<const O extends readonly LessonOption[] = []>(
  info: Omit<LessonInfo, 'trains' | 'options'> & { options?: O },
): LessonInfo & { trains: true; options: [...O, ...TrainingExtras] } {
  const { id, title, chapter, options, ...rest } = info;
  const own = (options ?? []) as O;
  return { id, title, chapter, trains: true, ...rest, options: [...own, ...SCHEDULE_CONTROLS, STOP_CONTROL] };
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
