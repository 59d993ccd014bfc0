/**
 * What a lesson is made of. Its info (info.ts, plain data: lessonInfo.ts) says what it is; its model (model.ts) how
 * it trains or computes, typed by the info's option specs; join.ts joins the two into the lesson the engine runs. A
 * training lesson is then the trainer's TrainableLesson (train/lessonModel.ts); a demo computes views from its
 * option values. Nothing here knows about sockets or rooms.
 */
import type { DemoView, LessonInfo, LessonOption, OptionsOf, OptionValues } from '@gradcast/shared';
import type { BuildContext, LessonModel, TrainableLesson, Tf, Variant } from '../train/lessonModel.ts';

export type { BuildContext, ExactSurface, LessonModel, Regression1D, Tf, Variant } from '../train/lessonModel.ts';
export type { DemoView } from '@gradcast/shared';

export type TrainingLesson = TrainableLesson;

/** What a demo computes with besides its option values: the engine's tfjs (on the room's backend) and the room's seed. */
export interface DemoContext {
  tf: Tf;
  seed: number;
}

/**
 * A non-training lesson: an interactive demonstration computed by the engine (with tfjs ops, on the room's
 * backend) from its option values, and streamed on the `panels` channel like any other frame.
 */
export interface DemoLesson {
  info: LessonInfo & { options: NonNullable<LessonInfo['options']> };
  compute(values: OptionValues, ctx: DemoContext): DemoView;
}

/** A lesson's option specs: its info's `options`. */
export type OptionSpecs = readonly LessonOption[];

/** What a training lesson's build is given: the trainer's BuildContext, its options typed by the lesson's specs. */
export type LessonBuildContext<O extends OptionSpecs> = Omit<BuildContext, 'options'> & { options: OptionsOf<O> };

/**
 * How a training lesson trains (its model.ts), its options typed by its info's specs `O` and already resolved
 * (defaults filled in, values within their specs: join.ts).
 */
export interface TrainingModel<O extends OptionSpecs> {
  /** Comparison lessons: the variants trained side by side; defaults to variantsFor at the options' defaults. */
  variants?: Variant[];
  /** The variants as the options set them (TrainableLesson.variantsFor). */
  variantsFor?(options: OptionsOf<O>): Variant[];
  prepare?: TrainableLesson['prepare'];
  build(ctx: LessonBuildContext<O>): LessonModel;
}

/** How a demo computes its views (its model.ts), from its options typed by its info's specs `O` and resolved. */
export interface DemoModel<O extends OptionSpecs> {
  compute(values: OptionsOf<O>, ctx: DemoContext): DemoView;
}
