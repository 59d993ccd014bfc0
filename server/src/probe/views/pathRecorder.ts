/**
 * The parameters a model visited, kept by the model itself for its views (a 1-D loss curve with its path, the
 * (w1, w2) path of ch04-01): the trainer's own path series only exists for two-parameter surfaces and is not
 * visible to `views()`. Bounded like every series here (shared StepSeries: past `capacity` points the older
 * ones are thinned to a uniform stride, the latest keep full resolution), so a long run stays cheap to draw.
 *
 * A point is recorded at each training forward pass, i.e. θ_k just before update k + 1 (`recordOnTraining`),
 * so θ_0 is the first point and the current θ is appended when the view is drawn; point k is θ_k. A revert
 * (which restores the weights without rebuilding the model) rewinds the record to the checkpoint's step.
 */
import { StepSeries } from '@gradcast/shared';
import type { LessonModel } from '../../train/lessonModel.ts';

/** Path points kept by default (a few KB per frame as f32). */
export const PATH_CAPACITY = 512;

export class PathRecorder {
  private readonly series: StepSeries;
  private count = 0;

  constructor(
    /** Values per point (1 for w, 2 for (w1, w2)…). */
    readonly dims: number,
    capacity = PATH_CAPACITY,
  ) {
    this.series = new StepSeries(capacity, dims);
  }

  /** Points recorded since the start (before thinning). */
  get recorded(): number {
    return this.count;
  }

  record(values: ArrayLike<number>): void {
    if (values.length !== this.dims) throw new RangeError(`PathRecorder: expected ${this.dims} values, got ${values.length}`);
    this.series.push(this.count++, ...Array.from(values));
  }

  /** Forgets the points of steps ≥ `step` (a revert to step `step`: θ_step is recorded again by its update). */
  rewind(step: number): void {
    this.series.truncateAfter(step - 1);
    this.count = Math.min(this.count, step);
  }

  /** The last recorded point, or null before the first. */
  last(): number[] | null {
    const n = this.series.length;
    return n ? this.series.columns.map((c) => c[n - 1] as number) : null;
  }

  /** The kept points, row-major [k, dims], followed by `current` when given (the parameters now). */
  points(current?: ArrayLike<number>): Float32Array {
    const n = this.series.length;
    const extra = current ? 1 : 0;
    const out = new Float32Array((n + extra) * this.dims);
    this.series.columns.forEach((col, d) => col.forEach((v, i) => (out[i * this.dims + d] = v)));
    if (current) out.set(Array.from(current), n * this.dims);
    return out;
  }
}

/**
 * Records `read()` (the parameters θ_k) at every training pass of `model`, before its update: wraps the model's
 * `loss` and, where it has one, its tape-free `lossAndGrads` (which the trainer takes instead of loss(true)
 * whenever it returns a result), so the lesson's own code stays as it is. Evaluation-mode passes (the params
 * channel's loss) are not steps and are not recorded.
 */
export function recordOnTraining(model: LessonModel, recorder: PathRecorder, read: () => ArrayLike<number>): LessonModel {
  const loss = model.loss.bind(model);
  model.loss = (training) => {
    if (training) recorder.record(read());
    return loss(training);
  };
  const direct = model.lossAndGrads?.bind(model);
  if (direct) {
    model.lossAndGrads = () => {
      const result = direct();
      // A null result sends the trainer to loss(true), which records the point itself; θ_k is read after the
      // pass but before any update.
      if (result) recorder.record(read());
      return result;
    };
  }
  const rewound = model.rewound?.bind(model);
  model.rewound = (step) => {
    recorder.rewind(step);
    rewound?.(step);
  };
  return model;
}
