/**
 * The lesson registry: catalogue id → lesson. One lesson per file; this list is the only place that knows
 * them all. (tensorflow/playground keeps its datasets the same way.)
 */
import type { LessonInfo } from '@gradcast/shared';
import { ch02_01 } from './ch02-01.ts';
import { ch02_03 } from './ch02-03.ts';
import { ch03_02 } from './ch03-02.ts';
import { ch04_01 } from './ch04-01.ts';
import { ch04_02 } from './ch04-02.ts';
import { ch05_02 } from './ch05-02.ts';
import { ch06_01 } from './ch06-01.ts';
import { ch06_02 } from './ch06-02.ts';
import { ch07_01 } from './ch07-01.ts';
import { ch07_03 } from './ch07-03.ts';
import { ch07_04 } from './ch07-04.ts';
import { ch07_05b } from './ch07-05b.ts';
import { ch08_02 } from './ch08-02.ts';
import { ch09_04 } from './ch09-04.ts';
import { ch09_05 } from './ch09-05.ts';
import { ch09_01 } from './ch09-01.ts';
import type { DemoLesson, TrainingLesson } from './types.ts';

/** In catalogue order. */
const TRAINING: TrainingLesson[] = [
  ch02_01,
  ch02_03,
  ch03_02,
  ch04_01,
  ch04_02,
  ch05_02,
  ch06_01,
  ch06_02,
  ch07_01,
  ch07_03,
  ch07_04,
  ch07_05b,
  ch08_02,
  ch09_04,
  ch09_05,
];

/** Non-training lessons: interactive demos computed by the engine. */
const DEMOS: DemoLesson[] = [ch09_01];

const training = new Map(TRAINING.map((l) => [l.info.id, l]));
const demos = new Map(DEMOS.map((l) => [l.info.id, l]));

/** Catalogue order: by chapter, then lesson number (ch07-05b after ch07-05). */
const ALL: LessonInfo[] = [...TRAINING, ...DEMOS]
  .map((l) => l.info)
  .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

export function listLessons(): LessonInfo[] {
  return ALL;
}

export function getLesson(id: string): LessonInfo | undefined {
  return training.get(id)?.info ?? demos.get(id)?.info;
}

export function getTrainingLesson(id: string): TrainingLesson | undefined {
  return training.get(id);
}

export function getDemoLesson(id: string): DemoLesson | undefined {
  return demos.get(id);
}
