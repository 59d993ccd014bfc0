/**
 * Headless training for `gradcast train` and the benchmarks: one Trainer on the current thread, as fast as the
 * backend allows (the room's `speed` does not apply), with progress reported about once a second.
 */
import type { TrainableLesson } from './lessonModel.ts';
import { Trainer } from './trainer.ts';

export interface HeadlessOptions {
  steps?: number;
  seconds?: number;
  seed: number;
  onProgress?: (p: { step: number; loss: number; elapsed: number; fraction: number }) => void;
}

export interface HeadlessResult {
  lesson: string;
  backend: string;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  loss: number;
  /** Accuracy over the last training batches (classification lessons). */
  trainAccuracy?: number;
  /** Accuracy on the held-out test split (classification lessons). */
  testAccuracy?: number;
  /** Comparison lessons: every variant's final figures (the top-level ones are the first variant's). */
  variants?: Array<{ label: string; loss: number; diverged: boolean } & Record<string, number | string | boolean>>;
  diverged: boolean;
}

export function trainHeadless(lesson: TrainableLesson, backend: string, opts: HeadlessOptions): HeadlessResult {
  const trainer = new Trainer(lesson, opts.seed, {}, 20, false);
  const maxSteps = opts.steps ?? Infinity;
  const maxMs = opts.seconds !== undefined ? opts.seconds * 1000 : Infinity;
  const t0 = performance.now();
  let lastReport = t0;
  let loss = NaN;
  try {
    while (trainer.step < maxSteps && performance.now() - t0 < maxMs && trainer.state !== 'diverged') {
      loss = trainer.trainStep();
      const now = performance.now();
      if (opts.onProgress && now - lastReport >= 1000) {
        lastReport = now;
        const fraction = Math.min(1, Math.max(trainer.step / maxSteps, (now - t0) / maxMs));
        opts.onProgress({ step: trainer.step, loss, elapsed: (now - t0) / 1000, fraction });
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const diverged = trainer.state === 'diverged';
    const { trainAccuracy } = trainer.currentMetrics();
    const { testAccuracy } = diverged ? {} : trainer.evaluateNow();
    const variants = lesson.variants
      ? trainer.runs.map((r) => ({
          label: r.label,
          loss: r.diverged ? NaN : r.evaluateLoss(),
          diverged: r.diverged,
          ...Object.fromEntries(Object.entries(r.currentMetrics()).map(([k, v]) => [k, round(v, 4)])),
        }))
      : undefined;
    return {
      lesson: lesson.info.id,
      backend,
      steps: trainer.step,
      seconds: round(seconds, 3),
      stepsPerSecond: round(trainer.step / seconds, 1),
      loss: diverged ? loss : trainer.evaluateLoss(),
      ...(trainAccuracy === undefined ? {} : { trainAccuracy: round(trainAccuracy, 4) }),
      ...(testAccuracy === undefined ? {} : { testAccuracy: round(testAccuracy, 4) }),
      ...(variants ? { variants } : {}),
      diverged,
    };
  } finally {
    trainer.dispose();
  }
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));
