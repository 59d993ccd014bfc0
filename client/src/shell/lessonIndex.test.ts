import type { LessonInfo } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { chapterTitle, controlLabel, groupLessons, matches, summarize } from './lessonIndex.ts';

const lesson = (id: string, chapter: number, title: string, controls: string[], description: string): LessonInfo =>
  ({ id, chapter, title, controls, description, trains: controls.length > 0, channels: [], defaults: {} }) as unknown as LessonInfo;

const LESSONS = [
  lesson('ch02-03', 2, 'Two-parameter linear regression', ['lr', 'speed'], 'Fits ŷ = w·x + b by gradient descent. More text.'),
  lesson('ch01-01', 1, 'Tensors & autograd', [], 'The course’s tensor examples, one at a time.'),
  lesson('ch08-06', 8, 'Initialisation methods (MNIST)', ['lr', 'batchSize', 'speed'], 'One network initialised four ways.'),
  lesson('ch02-01', 2, 'One-parameter linear regression', ['lr'], 'Fits ŷ = w·x (no bias), lr 0.1: w moves towards −3.'),
  lesson('ch42-01', 42, 'A chapter nobody named', [], 'Future lesson.'),
];

describe('groupLessons', () => {
  it('groups by chapter in chapter order, keeping the catalogue order inside a chapter', () => {
    const groups = groupLessons(LESSONS);
    expect(groups.map((g) => [g.chapter, g.title, g.lessons.map((e) => e.lesson.id)])).toEqual([
      [1, 'Tensors and datasets', ['ch01-01']],
      [2, 'Linear regression', ['ch02-03', 'ch02-01']],
      [8, 'Deep networks', ['ch08-06']],
      [42, 'Chapter 42', ['ch42-01']],
    ]);
  });

  it('names controls as people say them, without speed, and gives each lesson one line', () => {
    const entry = groupLessons(LESSONS).find((g) => g.chapter === 8)?.lessons[0];
    expect(entry?.controls).toEqual(['learning rate', 'batch size']);
    expect(groupLessons(LESSONS)[1]?.lessons[0]?.summary).toBe('Fits ŷ = w·x + b by gradient descent.');
  });

  it('leaves out chapters with no match', () => {
    expect(groupLessons(LESSONS, 'tensor').map((g) => g.chapter)).toEqual([1]);
    expect(groupLessons(LESSONS, 'no such thing')).toEqual([]);
  });
});

describe('matches', () => {
  const [reg, tensors, init] = LESSONS as [LessonInfo, LessonInfo, LessonInfo];
  it('finds title, id, description, chapter title and controls by name or human label', () => {
    expect(matches(reg, 'linear')).toBe(true);
    expect(matches(reg, 'ch02-03')).toBe(true);
    expect(matches(reg, 'gradient')).toBe(true);
    expect(matches(reg, 'regression')).toBe(true);
    expect(matches(init, 'batch size')).toBe(true);
    expect(matches(init, 'batchSize')).toBe(true);
    expect(matches(init, 'Learning Rate')).toBe(true);
    expect(matches(init, 'deep')).toBe(true); // chapter 8's title
    expect(matches(reg, 'batch size')).toBe(false);
  });

  it('needs every word, ignoring case, accents, curly quotes and extra spaces', () => {
    expect(matches(init, '  MNIST   initialisation ')).toBe(true);
    expect(matches(init, 'mnist tensor')).toBe(false);
    expect(matches(tensors, "course's")).toBe(true);
    expect(matches(lesson('x', 1, 'Régression', [], ''), 'regression')).toBe(true);
    expect(matches(tensors, '')).toBe(true);
  });
});

describe('summarize', () => {
  it('keeps the first sentence, not ending at decimals', () => {
    expect(summarize('Fits ŷ = w·x, lr 0.1: w moves. Then more.')).toBe('Fits ŷ = w·x, lr 0.1: w moves.');
    expect(summarize('One sentence only')).toBe('One sentence only');
  });

  it('cuts a long sentence at a clause break, else at a word, with an ellipsis', () => {
    expect(summarize('The course’s tensor examples, one at a time: a vector viewed as a column, and more', 50)).toBe(
      'The course’s tensor examples, one at a time…',
    );
    expect(summarize('alpha beta gamma delta epsilon zeta eta theta iota kappa', 30)).toBe('alpha beta gamma delta…');
    expect(summarize('x'.repeat(60), 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('labels', () => {
  it('uses the hyperparameter schema’s labels, in lower case', () => {
    expect(controlLabel('lr')).toBe('learning rate');
    expect(controlLabel('batchSize')).toBe('batch size');
    expect(controlLabel('weightDecay')).toBe('weight decay');
    expect(controlLabel('unknownThing')).toBe('unknownThing');
    expect(chapterTitle(9)).toBe('Convolutional networks');
  });
});
