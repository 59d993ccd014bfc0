/**
 * What a classifier's held-out evaluation saw, recorded chunk by chunk while it runs (classifier.ts evaluates one
 * chunk per training step; no second pass over the test set): the confusion matrix and the first misclassified
 * samples, in test-set order. Views draw the last completed evaluation as a misclassified gallery (`tiles`) and a
 * confusion matrix (`grid`).
 */
import { field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';
import { textView } from './compose.ts';
import { tilesView } from './tiles.ts';

/** Misclassified samples a gallery shows (the course prints the first 5; 12 fill two rows). */
export const GALLERY_SIZE = 12;

export interface Misclassified {
  /** Row of the held-out set. */
  index: number;
  label: number;
  predicted: number;
  /** Softmax probability of the predicted class. */
  confidence: number;
}

export interface EvaluationRecord {
  classes: number;
  /** Samples evaluated. */
  n: number;
  /** Counts [classes, classes], row = true class, column = predicted class. */
  confusion: Int32Array;
  /** The first misclassified samples in set order, at most the recorder's `keep`. */
  misclassified: Misclassified[];
}

export class EvaluationRecorder {
  private readonly confusion: Int32Array;
  private readonly misclassified: Misclassified[] = [];
  private n = 0;

  constructor(
    readonly classes: number,
    readonly keep = GALLERY_SIZE,
  ) {
    this.confusion = new Int32Array(classes * classes);
  }

  /**
   * One chunk: rows [start, start + labels.length) with their true labels, predicted classes and the predicted
   * class's probability. Returns how many of them were right.
   */
  add(start: number, labels: ArrayLike<number>, predicted: ArrayLike<number>, confidence: ArrayLike<number>): number {
    const { classes } = this;
    let correct = 0;
    for (let i = 0; i < labels.length; i++) {
      const y = labels[i] as number;
      const p = predicted[i] as number;
      if (y === p) correct += 1;
      else if (this.misclassified.length < this.keep) this.misclassified.push({ index: start + i, label: y, predicted: p, confidence: confidence[i] as number });
      if (y >= 0 && y < classes && p >= 0 && p < classes) this.confusion[y * classes + p]! += 1;
    }
    this.n += labels.length;
    return correct;
  }

  finish(): EvaluationRecord {
    return { classes: this.classes, n: this.n, confusion: this.confusion.slice(), misclassified: this.misclassified.slice() };
  }
}

/** Caption of a misclassified sample: "true → predicted (probability)", e.g. "7 → 1 (0.83)". */
export function misclassifiedCaption(m: Misclassified, classNames?: readonly string[]): string {
  const name = (c: number): string => classNames?.[c] ?? String(c);
  return `${name(m.label)} → ${name(m.predicted)} (${m.confidence.toFixed(2)})`;
}

/** Where the record is still missing: the panels fill in once the first evaluation completes. */
const PENDING = 'Filled in when the first test evaluation completes (after the first epoch).';

/**
 * The record's misclassified samples as grey tiles [k, side, side] (pixels in [0, 1] from `pixels`, the set's
 * row-major images of side·side), captioned "true → predicted (probability)".
 */
export function galleryView(
  name: string,
  title: string,
  record: EvaluationRecord | null,
  pixels: Float32Array,
  side: number,
  classNames?: readonly string[],
): DemoView {
  if (!record) return textView(title, PENDING);
  const shown = record.misclassified;
  if (!shown.length) return textView(title, `No misclassified sample among the ${record.n} evaluated.`);
  const d = side * side;
  const data = new Float32Array(shown.length * d);
  shown.forEach((m, k) => data.set(pixels.subarray(m.index * d, (m.index + 1) * d), k * d));
  return tilesView(name, title, data, shown.length, side, side, { scale: 'grey', captions: shown.map((m) => misclassifiedCaption(m, classNames)) });
}

/** The confusion matrix as a grid [classes, classes] of int32 counts (row = true class, column = predicted). */
export function confusionView(name: string, title: string, record: EvaluationRecord | null): DemoView {
  if (!record) return textView(title, PENDING);
  return {
    fields: { [name]: field('i32', record.confusion, [record.classes, record.classes]) },
    layout: [{ kind: 'grid', title, field: name, scale: 'sequential', xLabel: 'predicted class', yLabel: 'true class' }],
  };
}
