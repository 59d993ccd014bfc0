/**
 * The lesson registry: catalogue id → lesson. One lesson per file; this list is the only place that knows
 * them all. (tensorflow/playground keeps its datasets the same way.)
 */
import type { LessonInfo } from '@gradcast/shared';
import { ch02_03 } from './ch02-03.ts';
import { ch06_02 } from './ch06-02.ts';
import { ch09_05 } from './ch09-05.ts';
import type { TrainingLesson } from './types.ts';

const TRAINING: TrainingLesson[] = [ch02_03, ch06_02, ch09_05];

const byId = new Map(TRAINING.map((l) => [l.info.id, l]));

export function listLessons(): LessonInfo[] {
  return TRAINING.map((l) => l.info);
}

export function getLesson(id: string): LessonInfo | undefined {
  return byId.get(id)?.info;
}

export function getTrainingLesson(id: string): TrainingLesson | undefined {
  return byId.get(id);
}
