/**
 * `gradcast bench surface`: the loss-landscape slices of every training lesson that has a landscape source
 * (probe/landscape/). For each, after WARMUP_STEPS training steps, on a filter-normalised random plane through the
 * weights (range ±1), over the probe batch (up to 1,000 training samples):
 * - sliceMs: the slice, 9×9 → 17×17 → 33×33, in the way the model's first slice found fastest (slice.ts: the
 *   shared first layer, batched or not, or the naive pass where nothing else wins: `way`), from its start (probe
 *   batch, first-layer products) to the last point, after one untimed 9×9 slice on another plane (JIT, first
 *   calls, the trials of the ways);
 * - firstViewMs: the same job until its 9×9 level was complete;
 * - naiveMs: the naive 33×33 loop (one full forward pass per point) on the same plane, timed in turns with the
 *   slice, over all 1,089 points or, when that would take longer than NAIVE_BUDGET_MS, over the points done by
 *   then (coarse-to-fine order, so a spread of the grid) and scaled to 1,089: `naivePoints` says how many;
 * - speedupOverNaive: the naive loop's ms per point over the slice's, both taken while they ran in turns (until
 *   the first finished or the naive budget ran out), so a change in the machine's load later in a long slice does
 *   not enter it; for the lessons whose naive loop is timed whole it is about naiveMs/sliceMs;
 * - trainingRateKept: steps per second of a room at full speed while its landscape is watched, over the rate while
 *   it is not, in a real training engine with its slice worker (liveLandscape.ts: the slices go off the training
 *   thread when a core is free, `liveOffThread`), with `liveFirstViewMs` and `liveSliceMs` from taking the channel
 *   up to its first 9×9 and 33×33 frames;
 * - sharedRateKept: the same with every slice on the training thread, shared by TimeShare (slices get `share` of
 *   the thread: a host without a free core), from alternating solo and shared windows (rateKept below);
 *   `sliceWhileTrainingMs` is the first such slice's wall time (null when it was not done within the shared
 *   windows; `slicedShare` says how much of it was).
 * Timings are wall-clock on a shared machine: compare ratios from one run.
 */
import { type BackendPref, selectBackend } from '../backend/select.ts';
import { getTrainingLesson, listLessons } from '../lessons/registry.ts';
import { livePlane } from '../probe/landscape/directions.ts';
import { SliceJob } from '../probe/landscape/slice.ts';
import { TimeShare } from '../probe/landscape/timeShare.ts';
import type { LandscapeSource } from '../train/landscapeSource.ts';
import { measureLive } from './liveLandscape.ts';
import { Trainer } from '../train/trainer.ts';
import { loads } from './procStats.ts';

const WARMUP_STEPS = 5;
const GRID = 33;
const RANGE = 1;
const NAIVE_BUDGET_MS = 15_000;
/** The slice and the naive loop take turns of this long. */
const SLOT_MS = 50;
/** The kept rate: ROUNDS of a solo then a shared window, each WINDOW_MS and MIN_WINDOW_STEPS steps at least. */
const ROUNDS = 4;
const WINDOW_MS = 1_500;
const MIN_WINDOW_STEPS = 2;
const DEFAULT_SHARE = 0.2;

export interface SurfaceBenchRow {
  lesson: string;
  params: number;
  grid: number;
  samples: number;
  sliceMs: number;
  firstViewMs: number;
  naiveMs: number;
  speedupOverNaive: number;
  /** In a room, its landscape watched (off the training thread when a core is free) over not watched. */
  trainingRateKept: number;
  /** From taking the landscape up in that room to its first 9×9 frame, and to its first 33×33 (null: none came). */
  liveFirstViewMs: number | null;
  liveSliceMs: number | null;
  /** Whether the slices of that room went to the slice worker (a core was free). */
  liveOffThread: boolean;
  /** With every slice on the training thread, sharing it (TimeShare, `share` of the thread). */
  sharedRateKept: number;
  /** Naive points timed (1,089: all; fewer: naiveMs scaled from them). */
  naivePoints: number;
  /** The way the slice chose (slicePlan.ts): from the input or the first layer's output, × points per pass. */
  way: string;
  /** Wall time of the first slice computed while training (null: not done within the shared windows). */
  sliceWhileTrainingMs: number | null;
  /** Share of that slice's points done (1 when it finished). */
  slicedShare: number;
}

const round = (x: number, digits = 1): number => Number(x.toFixed(digits));
/** Grid points a job has computed so far, and its milliseconds of work per point. */
const computed = (job: SliceJob): number => job.values.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0);
const msPerPoint = (job: SliceJob): number => job.elapsedMs / Math.max(1, computed(job));

/**
 * Trains for at least `ms` and MIN_WINDOW_STEPS steps, calling `between(stepMs)` after each step (its time counts
 * in the window's); returns the steps and the window's milliseconds.
 */
function trainWindow(trainer: Trainer, ms: number, between?: (stepMs: number) => void): { steps: number; ms: number } {
  let steps = 0;
  const t0 = performance.now();
  for (;;) {
    if (trainer.state === 'diverged') trainer.control('reset');
    const s = performance.now();
    trainer.trainStep();
    steps += 1;
    between?.(performance.now() - s);
    const elapsed = performance.now() - t0;
    if (elapsed >= ms && steps >= MIN_WINDOW_STEPS) return { steps, ms: elapsed };
  }
}

/**
 * The training rate kept while slices share the thread: solo and shared windows alternate (so a drift in the
 * machine's load touches both alike), the shared ones running slice after slice under a TimeShare. Also the
 * wall time (shared windows only) until the first of those slices was complete.
 */
function rateKept(trainer: Trainer, source: LandscapeSource, share: number): { kept: number; sliceWallMs: number | null; sliced: number } {
  const clock = new TimeShare(share);
  let job = new SliceJob(source, livePlane(source, 3), { range: RANGE });
  let first: number | null = null;
  let sliced = 0;
  const solo = { steps: 0, ms: 0 };
  const shared = { steps: 0, ms: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    const a = trainWindow(trainer, WINDOW_MS);
    solo.steps += a.steps;
    solo.ms += a.ms;
    const t0 = performance.now();
    const b = trainWindow(trainer, WINDOW_MS, (stepMs) => {
      const budget = clock.afterStep(stepMs);
      if (budget <= 0) return;
      const s = performance.now();
      job.run(budget);
      clock.spent(performance.now() - s);
      if (!job.done) return;
      if (first === null) {
        first = shared.ms + performance.now() - t0;
        sliced = 1;
      }
      job.dispose();
      job = new SliceJob(source, livePlane(source, 3), { range: RANGE });
    });
    shared.steps += b.steps;
    shared.ms += b.ms;
  }
  if (first === null) sliced = job.values.filter((v) => !Number.isNaN(v)).length / (GRID * GRID);
  job.dispose();
  return { kept: shared.steps / shared.ms / (solo.steps / solo.ms), sliceWallMs: first, sliced };
}

function measure(trainer: Trainer, source: LandscapeSource, share: number, log?: (line: string) => void): Omit<SurfaceBenchRow, 'lesson' | 'params' | 'trainingRateKept' | 'liveFirstViewMs' | 'liveSliceMs' | 'liveOffThread'> {
  const samples = source.probe().n;
  // Untimed: a 9×9 slice on another plane warms the kernels and the JIT and, as a model's first slice, times the
  // ways to compute it (slice.ts); the timed slices below use the way it chose.
  const warm = new SliceJob(source, livePlane(source, 2), { range: RANGE, levels: [9] });
  while (!warm.done) warm.run();
  warm.dispose();

  // The slice and the naive loop on the same plane, in alternate slots of SLOT_MS, so that a change in the
  // machine's load falls on both; each job's time is its own work only. The speed-up compares their ms per point
  // while both ran (until the first of them finished or the naive loop's budget ran out).
  const p = livePlane(source, 1);
  const job = new SliceJob(source, p, { range: RANGE });
  const naive = new SliceJob(source, p, { range: RANGE, method: 'naive' });
  const naiveLeft = (): boolean => !naive.done && naive.elapsedMs < NAIVE_BUDGET_MS;
  let together: number | null = null;
  while (!job.done || naiveLeft()) {
    if (!job.done) job.run(SLOT_MS);
    if (naiveLeft()) naive.run(Math.min(SLOT_MS, NAIVE_BUDGET_MS - naive.elapsedMs));
    together ??= job.done || !naiveLeft() ? msPerPoint(naive) / msPerPoint(job) : null;
  }
  job.dispose();
  naive.dispose();
  const sliceMs = job.elapsedMs;
  const firstViewMs = job.completed[0]?.workMs ?? NaN;
  const way = job.way ? `${job.way.from} × ${job.way.batch}` : '?';
  const naivePoints = computed(naive);
  const naiveMs = msPerPoint(naive) * GRID * GRID;
  log?.(`  slice ${round(sliceMs)} ms (9×9 at ${round(firstViewMs)} ms, ${way}), naive ${round(naiveMs)} ms (${naivePoints} points timed)`);

  const { kept, sliceWallMs, sliced } = rateKept(trainer, source, share);
  log?.(`  training kept ${round(kept, 3)} of its solo rate with slices taking ${share} of the thread`);
  return {
    grid: GRID,
    samples,
    sliceMs: round(sliceMs),
    firstViewMs: round(firstViewMs),
    naiveMs: round(naiveMs),
    speedupOverNaive: round(together ?? naiveMs / sliceMs, 2),
    sharedRateKept: round(kept, 3),
    naivePoints,
    way,
    sliceWhileTrainingMs: sliceWallMs === null ? null : round(sliceWallMs),
    slicedShare: round(sliced, 3),
  };
}

export async function benchSurface(
  opts: { backend?: BackendPref; lessons?: string[]; share?: number; log?: (line: string) => void } = {},
): Promise<SurfaceBenchRow[]> {
  const { log } = opts;
  const backend = await selectBackend(opts.backend ?? 'wasm');
  log?.(`backend ${backend.name}; load average ${loads()}`);
  const rows: SurfaceBenchRow[] = [];
  const ids = opts.lessons ?? listLessons().filter((l) => l.trains).map((l) => l.id);
  for (const id of ids) {
    const lesson = getTrainingLesson(id);
    if (!lesson) continue;
    await lesson.prepare?.();
    const trainer = new Trainer(lesson, 1);
    try {
      for (let i = 0; i < WARMUP_STEPS; i++) trainer.trainStep();
      const source = trainer.main.model.landscape;
      if (!source) continue;
      log?.(`${id}: ${trainer.main.paramCount()} parameters`);
      const alone = measure(trainer, source, opts.share ?? DEFAULT_SHARE, log);
      const live = await measureLive(id, opts.backend ?? 'wasm');
      log?.(
        `  in a room: training kept ${round(live.liveRateKept, 3)} with its landscape watched (${live.liveOffThread ? 'slices on the slice worker' : 'no free core: slices on the training thread'}); ` +
          `9×9 after ${live.liveFirstViewMs === null ? '—' : round(live.liveFirstViewMs)} ms, 33×33 after ${live.liveSliceMs === null ? '—' : round(live.liveSliceMs)} ms`,
      );
      const { liveRateKept, liveFirstViewMs, liveSliceMs, liveOffThread } = live;
      rows.push({
        lesson: id,
        params: trainer.main.paramCount(),
        ...alone,
        trainingRateKept: round(liveRateKept, 3),
        liveFirstViewMs: liveFirstViewMs === null ? null : round(liveFirstViewMs),
        liveSliceMs: liveSliceMs === null ? null : round(liveSliceMs),
        liveOffThread,
      });
    } finally {
      trainer.dispose();
    }
  }
  log?.(`load average ${loads()}`);
  return rows;
}
