/**
 * Helpers shared by the lesson tests (options, views, comparisons): a lesson by id, one of its declared
 * controls, a trainer with options set as options:set would, and what its runs show.
 */
import type { LessonOption, OptionValues } from '@gradcast/shared';
import { expect } from 'vitest';
import { Trainer } from '../train/trainer.ts';
import { getTrainingLesson } from './registry.ts';
import type { DemoView, TrainingLesson } from './types.ts';

export const lesson = (id: string): TrainingLesson => getTrainingLesson(id)!;

/** The lesson's option `name` (the test fails when it is not declared). */
export function control(id: string, name: string): LessonOption {
  const c = (lesson(id).info.options ?? []).find((k) => k.name === name);
  expect(c, `${id} declares ${name}`).toBeDefined();
  return c!;
}

/** A trainer of lesson `id` with these options set (a non-hot option rebuilds, as options:set does). */
export function trainer(id: string, values: OptionValues = {}): Trainer {
  const t = new Trainer(lesson(id), 1, { speed: 0 }, 20, false);
  if (Object.keys(values).length) t.setValues(values);
  return t;
}

export const labels = (t: Trainer): string[] => t.runs.map((r) => r.label);
export const viewOf = (t: Trainer, run = 0): DemoView => t.runs[run]!.model.views!();
export const data = (v: DemoView, name: string): number[] => Array.from(v.fields[name]!.data);
