/**
 * The lesson catalogue: every lesson's public metadata (LessonInfo), in catalogue order. The socket thread (rooms,
 * HTTP, the CLI's listing) reads lessons only through this module.
 */
import type { LessonInfo } from '@gradcast/shared';
import { listLessons as all } from './registry.ts';

export function listLessons(): LessonInfo[] {
  return all();
}

export function getLesson(id: string): LessonInfo | undefined {
  return all().find((l) => l.id === id);
}
