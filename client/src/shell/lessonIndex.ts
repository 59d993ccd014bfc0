/**
 * The landing page's lesson index: lessons grouped by chapter under the course's chapter titles, each with a
 * one-line summary and its live controls by their human names (hyperparamSpecs' labels), filtered by a search.
 * Pure functions, so the grouping and the search are tested without a browser; and the list they read.
 */
import { hyperparamSpecs, isHyperparamName, type LessonInfo } from '@gradcast/shared';

/**
 * GET /api/lessons?details=1: the contract's lesson list with each lesson's description (a server that ignores
 * `details` sends them without; the cards then have no summary).
 */
export async function fetchLessonDetails(): Promise<LessonInfo[]> {
  const res = await fetch('/api/lessons?details=1', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
  return (await res.json()) as LessonInfo[];
}

/** The course's chapters, by number (LessonInfo.chapter). */
export const CHAPTER_TITLES: Readonly<Record<number, string>> = {
  0: 'Helpers',
  1: 'Tensors and datasets',
  2: 'Linear regression',
  3: 'Gradient descent in practice',
  4: 'Several inputs and outputs',
  5: 'Logistic regression',
  6: 'Softmax regression',
  7: 'Shallow neural networks',
  8: 'Deep networks',
  9: 'Convolutional networks',
};

export const chapterTitle = (chapter: number): string => CHAPTER_TITLES[chapter] ?? `Chapter ${chapter}`;

/** The longest summary, in characters: about one line of a lesson card on a laptop. */
export const SUMMARY_MAX = 110;

/**
 * One line of a lesson's description: its first sentence, and when that is longer than `max` characters, its
 * head up to the last clause break (": ", "; ", " — ") past a third of `max`, else up to the last word, then
 * "…". A sentence ends at . ! or ? followed by a space and a capital (so "lr 0.1" or "e.g. x" do not end one).
 */
export function summarize(description: string, max = SUMMARY_MAX): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z(“‘"'])/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= max) return sentence;
  const head = sentence.slice(0, max - 1);
  const clause = Math.max(...[': ', '; ', ' — '].map((b) => head.lastIndexOf(b)));
  const space = head.lastIndexOf(' ');
  const at = clause > max / 3 ? clause : space > max / 2 ? space : head.length;
  return `${head.slice(0, at).replace(/[\s,;:=–—-]+$/, '')}…`;
}

/**
 * A control's human name ("learning rate", "batch size"), lower case as it reads inside a sentence; a name the
 * schema does not know is shown as it is.
 */
export function controlLabel(name: string): string {
  if (!isHyperparamName(name)) return name;
  const label = hyperparamSpecs[name].label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Controls shown on a card: `speed` (the pace, which every training lesson has) says nothing about a lesson. */
const UNSHOWN_CONTROLS = new Set(['speed']);

export interface LessonEntry {
  lesson: LessonInfo;
  /** summarize(description). */
  summary: string;
  /** The lesson's live controls by their human names, `speed` left out. */
  controls: string[];
}

export interface ChapterGroup {
  chapter: number;
  title: string;
  lessons: LessonEntry[];
}

/** Lower case, accents and typographic quotes folded, so "initialisation" finds "Initialisation" and "course’s". */
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();

/** Everything the search looks in: id, title, chapter title, description, control names and their labels. */
function haystack(lesson: LessonInfo): string {
  const controls = (lesson.controls ?? []).flatMap((c) => [c, controlLabel(c)]);
  return fold([lesson.id, lesson.title, chapterTitle(lesson.chapter), lesson.description ?? '', ...controls].join('\n'));
}

/** Whether every word of `query` appears in the lesson (an empty query matches all). */
export function matches(lesson: LessonInfo, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = haystack(lesson);
  return words.every((w) => text.includes(w));
}

/**
 * The lessons that match `query`, grouped by chapter: chapters in ascending order, lessons in the order given
 * (the catalogue's). Chapters with no match are left out.
 */
export function groupLessons(lessons: readonly LessonInfo[], query = ''): ChapterGroup[] {
  const groups = new Map<number, ChapterGroup>();
  for (const lesson of lessons) {
    if (!matches(lesson, query)) continue;
    let group = groups.get(lesson.chapter);
    if (!group) groups.set(lesson.chapter, (group = { chapter: lesson.chapter, title: chapterTitle(lesson.chapter), lessons: [] }));
    group.lessons.push({
      lesson,
      summary: summarize(lesson.description ?? ''),
      controls: (lesson.controls ?? []).filter((c) => !UNSHOWN_CONTROLS.has(c)).map(controlLabel),
    });
  }
  return [...groups.values()].sort((a, b) => a.chapter - b.chapter);
}
