/**
 * ch01-02 · Chapter01_02Dataset (no training): a custom dataset and its transforms, as a browser. The data is the
 * course's toy set (`toyConstant`: 100 samples, every x = [2, 2], every y = [1]; aux Dataset.py defines the same
 * set); the transforms are the course's two callables with their constants made editable:
 *  - add-and-multiply: x + add, y · mul (course: add 1, multiply 2);
 *  - multiply-both: x · scale, y · scale (course: 100);
 *  - composed, in that order (torchvision's Compose([add_mult(), mult()])).
 * Each transform runs as tfjs ops on a window of samples, whole: the first row of the "after" table is what
 * `dataset[i]` returns with the transform attached.
 * Catalogue check values: add-and-multiply gives ([3, 3], [2]); multiply-both ([200, 200], [100]); composed
 * ([300, 300], [200]); the length is 100.
 */
import type { Tensor2D } from '@tensorflow/tfjs-core';
import { toyConstant } from '../../data/synthetic.ts';
import { fmt, fmtList, rowsField, tensorField } from '../demoKit.ts';
import type { Tf } from '../types.ts';
import { demoLesson } from '../join.ts';
import { type CH01_02_PIPELINES, info } from './info.ts';

type Pipeline = (typeof CH01_02_PIPELINES)[number];

/** Samples shown per table: a window starting at the chosen index. */
const WINDOW = 5;

interface Sample {
  /** [n, 2] */
  x: Tensor2D;
  /** [n, 1] */
  y: Tensor2D;
}

interface Constants {
  add: number;
  mul: number;
  scale: number;
}

/** The course's add_mult transform: x + add, y · mul. */
const addMult = (tf: Tf, s: Sample, c: Constants): Sample => ({ x: tf.add(s.x, c.add), y: tf.mul(s.y, c.mul) });
/** The course's mult transform: both x and y times scale. */
const multBoth = (tf: Tf, s: Sample, c: Constants): Sample => ({ x: tf.mul(s.x, c.scale), y: tf.mul(s.y, c.scale) });

/** The stages a sample goes through under a pipeline: names and transforms, in order. */
function stagesOf(pipeline: Pipeline): { name: string; apply: typeof addMult }[] {
  const am = { name: 'add-and-multiply', apply: addMult };
  const mb = { name: 'multiply both', apply: multBoth };
  switch (pipeline) {
    case 'none':
      return [];
    case 'add-and-multiply':
      return [am];
    case 'multiply both':
      return [mb];
    case 'add-and-multiply, then multiply both':
      return [am, mb];
    default:
      throw new RangeError(`ch01-02: unknown pipeline '${String(pipeline)}'`);
  }
}

export const ch01_02 = demoLesson(info, {
  compute(c, { tf }) {
    const data = toyConstant();
    // The window's first sample (the option's range is the data set's, 0 … 99).
    const { pipeline, index: start } = c;
    const n = Math.min(WINDOW, data.n - start);
    const indices = Array.from({ length: n }, (_, i) => start + i);
    // The window of samples [start, start + n): x [n, 2], y [n, 1], as the dataset's __getitem__ returns them.
    const before: Sample = {
      x: tf.tensor2d(data.x.subarray(2 * start, 2 * (start + n)), [n, 2]),
      y: tf.tensor2d(data.y.subarray(start, start + n), [n, 1]),
    };
    // Each stage's output, kept for the step-by-step table of the first sample.
    const trail: { name: string; sample: Sample }[] = [{ name: 'dataset[i] (no transform)', sample: before }];
    for (const stage of stagesOf(pipeline)) trail.push({ name: stage.name, sample: stage.apply(tf, trail[trail.length - 1]!.sample, c) });
    const after = trail[trail.length - 1]!.sample;
    const table = (s: Sample) => {
      const x = tf.concat([tf.tensor2d(indices, [n, 1]), s.x, s.y], 1);
      return tensorField(x);
    };
    const stageRows = trail.map((t, k) => {
      const x = t.sample.x.dataSync();
      const y = t.sample.y.dataSync();
      return [k, x[0]!, x[1]!, y[0]!];
    });
    const first = stageRows[stageRows.length - 1]!;
    return {
      fields: { before: table(before), after: table(after), stages: rowsField(stageRows) },
      layout: [
        { kind: 'table', title: 'Before: dataset without transform', field: 'before', columns: ['i', 'x[0]', 'x[1]', 'y'], group: 'samples' },
        { kind: 'table', title: `After: ${pipeline}`, field: 'after', columns: ['i', 'x[0]', 'x[1]', 'y'], group: 'samples' },
        {
          kind: 'table',
          title: `dataset[${start}] stage by stage: ${trail.map((t, k) => `${k} = ${t.name}`).join('; ')}`,
          field: 'stages',
          columns: ['stage', 'x[0]', 'x[1]', 'y'],
        },
        {
          kind: 'text',
          title: 'Dataset',
          text:
            `len(dataset) = ${data.n}. dataset[${start}] = (x = ${fmtList([first[1]!, first[2]!])}, y = [${fmt(first[3]!)}]) ` +
            `with ${pipeline === 'none' ? 'no transform' : `the transform “${pipeline}”`}. ` +
            `Transforms: add-and-multiply = (x + ${fmt(c.add)}, y · ${fmt(c.mul)}); multiply both = (x · ${fmt(c.scale)}, y · ${fmt(c.scale)}).`,
        },
      ],
    };
  },
});
