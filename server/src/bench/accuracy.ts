/**
 * `gradcast bench accuracy`: the accuracy goals on the real MNIST test set, embedded backend (wasm),
 * trained headless for a fixed wall-clock budget on this machine:
 *   ch06-02 (softmax regression) for 60 s must reach testAccuracy ≥ 0.90;
 *   ch09-05 (CNN, 16×16) for 120 s must reach testAccuracy ≥ 0.97.
 * Equivalent to `gradcast train <id> --backend wasm --seconds S --json`; a shared machine trains fewer steps
 * in the same time, so the figure is a floor for a quiet one.
 */
import { selectBackend } from '../backend/select.ts';
import { getTrainingLesson } from '../lessons/registry.ts';
import { trainHeadless } from '../train/headless.ts';

export const ACCURACY_GOALS = [
  { lesson: 'ch06-02', seconds: 60, goal: 0.9 },
  { lesson: 'ch09-05', seconds: 120, goal: 0.97 },
] as const;

export interface AccuracyRow {
  lesson: string;
  seconds: number;
  steps: number;
  epochs: number;
  testAccuracy: number | null;
  goal: number;
  met: boolean;
}

export async function benchAccuracy(opts: { scale?: number; log?: (line: string) => void } = {}): Promise<AccuracyRow[]> {
  const { name } = await selectBackend('wasm');
  const rows: AccuracyRow[] = [];
  for (const g of ACCURACY_GOALS) {
    const lesson = getTrainingLesson(g.lesson);
    if (!lesson) throw new Error(`lesson ${g.lesson} is not registered`);
    await lesson.prepare?.();
    const seconds = g.seconds * (opts.scale ?? 1);
    opts.log?.(`${g.lesson}: training ${seconds} s on ${name}…`);
    const r = trainHeadless(lesson, name, {
      seconds,
      seed: 1,
      onProgress: (p) => opts.log?.(`  ${g.lesson} step ${p.step} loss ${p.loss.toPrecision(4)} ${(p.fraction * 100).toFixed(0)}%`),
    });
    const acc = r.testAccuracy ?? null;
    rows.push({
      lesson: g.lesson,
      seconds: r.seconds,
      steps: r.steps,
      epochs: Number((r.steps / 600).toFixed(2)),
      testAccuracy: acc,
      goal: g.goal,
      met: acc !== null && acc >= g.goal,
    });
  }
  return rows;
}
