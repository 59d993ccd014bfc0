/** ch01-02: what the lesson is (its catalogue entry and option specs); model.ts is how it computes. */
import { choice, int, num } from '@gradcast/shared';
import { demoInfo } from '../lessonInfo.ts';

export const CH01_02_PIPELINES = ['none', 'add-and-multiply', 'multiply both', 'add-and-multiply, then multiply both'] as const;

export const info = demoInfo({
  id: 'ch01-02',
  title: 'Dataset class & transforms',
  chapter: 1,
  description:
    'A dataset/transform browser on the course’s toy set (100 samples, x = [2, 2], y = [1]; the helper module ' +
    'Dataset.py defines the same set): pick a sample window and a transform pipeline (add-and-multiply, multiply ' +
    'both, or both composed in the course’s order) with editable constants, and see the samples before and after, ' +
    'and the chosen sample stage by stage. The course prints the same values; nothing is random, so the ' +
    'course’s seed 1 has no effect.',
  options: [
    choice('pipeline', CH01_02_PIPELINES, { label: 'Transform', default: 'add-and-multiply, then multiply both' }),
    int('index', { label: 'Sample index', min: 0, max: 99, step: 1, default: 0, help: 'First sample of the window shown (dataset[index]).' }),
    num('add', { label: 'add (to x)', min: -10, max: 10, step: 0.5, default: 1, help: 'add-and-multiply: x + add (course: 1).' }),
    num('mul', { label: 'mul (of y)', min: -10, max: 10, step: 0.5, default: 2, help: 'add-and-multiply: y · mul (course: 2).' }),
    num('scale', { label: 'scale (x and y)', min: -1000, max: 1000, step: 10, default: 100, help: 'multiply both: x · scale and y · scale (course: 100).' }),
  ],
});
