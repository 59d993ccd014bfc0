/**
 * The lesson registry: catalogue id → how the lesson trains or computes (each lesson's info joined with its model:
 * join.ts, where option values are resolved). Training lessons are listed in training.ts, demos in demos.ts. It
 * loads tfjs and every model builder, so only the engine (worker threads), the headless commands and tests import
 * it; the socket thread reads lesson metadata from catalogue.ts.
 */
import { DEMOS } from './demos.ts';
import { TRAINING } from './training.ts';
import type { DemoLesson, TrainingLesson } from './types.ts';

export { getLesson, listLessons } from './catalogue.ts';

const training = new Map(TRAINING.map((l) => [l.info.id, l]));
const demos = new Map(DEMOS.map((l) => [l.info.id, l]));

export function getTrainingLesson(id: string): TrainingLesson | undefined {
  return training.get(id);
}

export function getDemoLesson(id: string): DemoLesson | undefined {
  return demos.get(id);
}
