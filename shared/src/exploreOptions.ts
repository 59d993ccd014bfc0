/**
 * The options a member may explore on their own (view:explore): a training lesson's hot, view-only options that
 * choose what its views ("inside the model") show, such as a test image's index or a digit drawn by hand. Not
 * the landscape's settings (view-only too, but they shape the landscape slice, which is the room's alone).
 * One rule for the server's check and the client's explore controls.
 */
import type { LessonInfo, LessonOption } from './lessons.ts';

export function exploreOptions(lesson: Pick<LessonInfo, 'trains' | 'options'> | null | undefined): LessonOption[] {
  if (!lesson?.trains) return [];
  return (lesson.options ?? []).filter((c) => c.hot === true && c.viewOnly === true && !c.name.startsWith('landscape'));
}
