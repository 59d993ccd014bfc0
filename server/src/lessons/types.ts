/**
 * What a lesson file provides. A training lesson is the trainer's TrainableLesson (train/lessonModel.ts); a demo
 * computes views from its option values. Nothing here knows about sockets or rooms.
 */
import type { DemoView, LessonInfo, OptionValues } from '@gradcast/shared';
import type { TrainableLesson, Tf } from '../train/lessonModel.ts';

export type { BuildContext, ExactSurface, LessonModel, Regression1D, Tf, Variant } from '../train/lessonModel.ts';
export type { DemoView } from '@gradcast/shared';

export type TrainingLesson = TrainableLesson;

/**
 * A non-training lesson: an interactive demonstration computed by the engine (with tfjs ops, on the room's
 * backend) from its control values, and streamed on the `panels` channel like any other frame.
 */
export interface DemoLesson {
  info: LessonInfo & { options: NonNullable<LessonInfo['options']> };
  compute(values: OptionValues, ctx: { tf: Tf; seed: number }): DemoView;
}
