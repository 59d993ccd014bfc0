/**
 * The lesson registry: catalogue id → how the lesson trains or computes. Training lessons are listed in training.ts,
 * demos in demos.ts. It loads tfjs and every model builder, so only the engine (worker threads) and the headless
 * commands import it; the socket thread reads lesson metadata from catalogue.ts.
 */
import type { LessonInfo } from '@gradcast/shared';
import { DEMOS } from './demos.ts';
import { TRAINING } from './training.ts';
import type { DemoLesson, TrainingLesson } from './types.ts';

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
