/**
 * `gradcast bench train`: milliseconds per training step for every training lesson on every backend this
 * machine can run. Each (lesson, backend) pair warms up, then times at least MIN_STEPS single steps (and
 * about TARGET_MS of work); the figure is the median step.
 */
import { type BackendPref, selectBackend } from '../backend/select.ts';
import { listLessons, getTrainingLesson } from '../lessons/registry.ts';
import { Trainer } from '../train/trainer.ts';
import { median } from './stats.ts';

const WARMUP = 5;
const MIN_STEPS = 20;
const TARGET_MS = 2000;

export interface TrainBenchRow {
  lesson: string;
  backend: string;
  msPerStep: number;
  stepsPerSecond: number;
}

export async function benchTrain(
  opts: { backends?: BackendPref[]; lessons?: string[]; log?: (line: string) => void } = {},
): Promise<TrainBenchRow[]> {
  return (await measureTrain(opts)).map(({ lesson, backend, msPerStep, stepsPerSecond }) => ({ lesson, backend, msPerStep, stepsPerSecond }));
}

/** benchTrain's rows plus the process CPU time per step (all threads, GC included), for `bench pytorch`. */
export interface MeasuredRow extends TrainBenchRow {
  /**
   * The median step's process CPU time in ms (all threads, GC included; process.cpuUsage around each step):
   * less disturbed than wall time when other work shares the machine (that slows a step's wall time, not the
   * CPU time the step takes), though not immune (shared caches and cores, clock speed).
   */
  cpuMsPerStep: number;
}

export async function measureTrain(
  opts: { backends?: BackendPref[]; lessons?: string[]; log?: (line: string) => void } = {},
): Promise<MeasuredRow[]> {
  const rows: MeasuredRow[] = [];
  const ids = opts.lessons ?? listLessons().filter((l) => l.trains).map((l) => l.id);
  for (const pref of opts.backends ?? (['gpu', 'node', 'wasm', 'cpu'] as BackendPref[])) {
    let name: string;
    try {
      name = (await selectBackend(pref)).name;
    } catch {
      opts.log?.(`backend ${pref}: unavailable, skipped`);
      continue;
    }
    for (const id of ids) {
      const lesson = getTrainingLesson(id);
      if (!lesson) continue;
      await lesson.prepare?.();
      const trainer = new Trainer(lesson, 1);
      try {
        for (let i = 0; i < WARMUP; i++) trainer.trainStep();
        const times: number[] = [];
        const cpuTimes: number[] = [];
        const t0 = performance.now();
        while (times.length < MIN_STEPS || (performance.now() - t0 < TARGET_MS && times.length < 10_000)) {
          if (trainer.state === 'diverged') trainer.control('reset');
          const c = process.cpuUsage();
          const s = performance.now();
          trainer.trainStep();
          times.push(performance.now() - s);
          const used = process.cpuUsage(c);
          cpuTimes.push((used.user + used.system) / 1000);
        }
        const ms = median(times);
        const cpuMs = median(cpuTimes);
        rows.push({
          lesson: id,
          backend: name,
          msPerStep: Number(ms.toFixed(3)),
          stepsPerSecond: Number((1000 / ms).toFixed(1)),
          cpuMsPerStep: Number(cpuMs.toFixed(3)),
        });
        opts.log?.(`${id} on ${name}: ${ms.toFixed(3)} ms/step (${times.length} steps; median step ${cpuMs.toFixed(3)} ms of CPU)`);
      } finally {
        trainer.dispose();
      }
    }
  }
  return rows;
}
