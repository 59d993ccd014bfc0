/**
 * A lesson's info joined with its model into the lesson the engine runs. The one place lesson option values are
 * made whole (resolveOptions: every option present, each within its spec) before a build, a variant list or a
 * demo's compute reads them, so no model parses, defaults or clamps an option itself.
 *
 * Values are resolved in place: the trainer passes its one live values object, which keeps its identity (runs of
 * a comparison find each other by it: variants.ts joinPeers) and in which hot options change between steps.
 */
import { type LessonInfo, resolveOptions } from '@gradcast/shared';
import type { DemoLesson, DemoModel, TrainingLesson, TrainingModel } from './types.ts';

export function trainingLesson<I extends LessonInfo & { options: NonNullable<LessonInfo['options']> }>(
  info: I,
  model: TrainingModel<I['options']>,
): TrainingLesson {
  const specs = info.options;
  const { variantsFor, prepare } = model;
  const lesson: TrainingLesson = {
    info,
    // Builds outside a trainer (tests, probes) may pass no options at all: they get the defaults.
    build: (ctx) => model.build({ ...ctx, options: resolveOptions(specs, ctx.options ?? {}) }),
  };
  if (variantsFor) lesson.variantsFor = (values) => variantsFor(resolveOptions(specs, values));
  const variants = model.variants ?? variantsFor?.(resolveOptions(specs, {}));
  if (variants) lesson.variants = variants;
  if (prepare) lesson.prepare = prepare;
  return lesson;
}

export function demoLesson<I extends LessonInfo & { options: NonNullable<LessonInfo['options']> }>(
  info: I,
  model: DemoModel<I['options']>,
): DemoLesson {
  const specs = info.options;
  return { info, compute: (values, ctx) => model.compute(resolveOptions(specs, values), ctx) };
}
