/**
 * Frame making for a training run: reads a Trainer's state (losses, path, parameters, the lesson's views) into
 * plain frames. The trainer trains and knows nothing of channels; this holds what framing needs to remember per
 * room: the generation and step each channel was last framed at (a newer generation sends the static channels
 * again and the history channels whole), the last views frame (views are costly: throttled, and reused), and the
 * last evaluation handed on (the room's evaluation log).
 *
 * Probes read tensors outside tf.tidy: tidy walks returned typed arrays element by element (slow for large arrays).
 */
import { BYTES, type Channel, type Frame, type Meta, type OptionValues } from '@gradcast/shared';
import type { Regression1D } from '../train/lessonModel.ts';
import { flatten, PARAMS_CHANNEL_LIMIT } from '../train/run.ts';
import type { Trainer } from '../train/trainer.ts';
import { panelsGap, recentWindow } from './delivery.ts';
import { lossSurfaceFrame } from './lossSurface.ts';
import type { Framer } from './framer.ts';
import { LiveLandscape } from './landscape/liveLandscape.ts';
import { type EvalEntry, metricsFrame, pointsSince } from './metrics.ts';
import { pathFrame } from './optimizerPath.ts';
import { paramsFrame } from './params.ts';
import { dataFrame, fitFrame } from './regression.ts';
import { mergeViews, viewsFrame } from './views.ts';
import { textView } from './views/compose.ts';

/** What a diverged variant of a comparison shows in place of its views. */
export const DIVERGED_VIEW = textView(
  'diverged',
  'This run’s loss is no longer finite (it diverged), so its panels stop here; Reset starts every run over.',
);

/** The last views frame, when it was made (ms), what it cost (ms), its size (bytes) and the options it showed. */
interface ViewsCache {
  frame: Frame;
  at: number;
  cost: number;
  bytes: number;
  values: OptionValues;
}

export class TrainerFrames implements Framer {
  /** Generation and step each channel was last framed at (live calls only). */
  private readonly framed = new Map<Channel, { generation: number; step: number }>();
  private views: ViewsCache | null = null;
  /** The last evaluation handed on by evaluations(). */
  private evaluated = { generation: 0, step: -Infinity };
  /** Metric names of the evaluation log, cached by the log's length and last step. */
  private logNames = { key: '', names: [] as string[] };
  /** The live loss landscape, for a lesson with the channel: active while it is framed. */
  readonly background?: LiveLandscape;

  constructor(
    readonly trainer: Trainer,
    private readonly now: () => number = () => performance.now(),
    /** Where the landscape may compute off this thread, and how it says that something arrived (the engine's). */
    landscape: ConstructorParameters<typeof LiveLandscape>[2] = {},
  ) {
    // Only the params channel shows a gradient (the first run's): the trainer keeps it only for a lesson that has it.
    if (trainer.lesson.info.channels.includes('params')) trainer.keepGradient();
    if (trainer.lesson.info.channels.includes('landscape')) this.background = new LiveLandscape(trainer, now, landscape);
    // A receiver starts with the empty history of a new run (generation 1, step 0): windows of every point since
    // (recentWindow never carries fewer than the points since the last frame) bring it all, without a whole-history
    // frame, unless the run was rebuilt, reset or reverted meanwhile. Static channels go at the first call.
    for (const c of ['metrics', 'path'] as const) this.framed.set(c, { generation: 1, step: 0 });
  }

  frames(channels: ReadonlySet<Channel>, all = false): Frame[] {
    const t = this.trainer;
    const { generation: g, step: s } = t;
    const main = t.main;
    const model = main.model;
    const out: Frame[] = [];
    /** Not framed yet in this generation: a static channel goes again, a history channel goes whole. */
    const fresh = (c: Channel): boolean => this.framed.get(c)?.generation !== g;
    const want = (c: Channel, isStatic = false): boolean => channels.has(c) && (!isStatic || all || fresh(c));
    /** Points a live frame of history channel `c` carries (Infinity: all of them). */
    const count = (c: Channel, points: number): number => {
      if (all || fresh(c)) return points;
      const since = this.framed.get(c)?.step ?? 0;
      return Math.min(points, recentWindow(s - since, pointsSince(c === 'metrics' ? t.losses : t.path, since)));
    };
    if (want('metrics')) {
      const full = all || fresh('metrics');
      const meta: Meta = { epoch: t.epoch, full, lrFactor: t.lrFactor(), ...t.currentMetrics() };
      if (t.lesson.variants) meta.variants = t.runs.map((r) => r.label).join('|');
      out.push(
        metricsFrame(t.losses, g, s, meta, {
          count: count('metrics', t.losses.length),
          evals: t.runs.map((r) => r.currentMetrics()),
          names: this.evalLogNames(),
          ...(full ? { log: t.evalLog } : {}),
        }),
      );
    }
    if (model.surface) {
      if (want('surface', true)) out.push(lossSurfaceFrame(model.surface, g, s));
      if (want('path')) {
        const labels: [string, string] = [model.surface.xLabel, model.surface.yLabel];
        out.push(pathFrame(t.path, g, s, labels, count('path', t.path.length), all || fresh('path'), t.runs.length));
      }
    }
    if (want('params') && main.paramCount() <= PARAMS_CHANNEL_LIMIT) {
      // The loss at θ now: exact on the surface when there is one, else the current batch in evaluation mode.
      const lossNow = model.surface
        ? (model.surface.evaluate(...(model.surface.position().map((v) => Float32Array.of(v)) as [Float32Array, Float32Array]))[0] as number)
        : main.evaluateLoss();
      out.push(paramsFrame(model.paramNames, flatten(model.params), main.lastGrad, g, s, lossNow));
    }
    if (model.regression) {
      if (want('data', true)) out.push(dataFrame(model.regression, g, s));
      if (want('fit')) {
        const regs = t.runs.map((r) => r.model.regression).filter((r): r is Regression1D => r !== undefined);
        out.push(fitFrame(regs, g, s));
      }
    }
    const landscape = this.background;
    if (landscape) {
      // Framed while some member watches; a live call without it means nobody does: the landscape stops and forgets.
      if (channels.has('landscape')) {
        landscape.setActive(true);
        const f = landscape.frame(all);
        if (f) out.push(f);
      } else if (!all) landscape.setActive(false);
    }
    if (want('panels') && t.runs.some((r) => r.model.views)) {
      const v = this.viewsFrame(all);
      if (v) out.push(v);
    }
    if (!all) for (const c of channels) this.framed.set(c, { generation: g, step: s });
    return out;
  }

  evaluations(): EvalEntry[] {
    const t = this.trainer;
    // A new generation may have dropped evaluations (revert, reset): its whole-history metrics frame carries the
    // log as it is now, and the entries are handed on again from the start (the room merges them by step).
    const after = this.evaluated.generation === t.generation ? this.evaluated.step : -Infinity;
    const out = t.evalLog.filter((e) => e.step > after);
    const last = t.evalLog[t.evalLog.length - 1];
    this.evaluated = { generation: t.generation, step: last ? last.step : -Infinity };
    return out;
  }

  /** Every metric name the evaluation log holds (so the `evals` table keeps its columns across a rebuild). */
  private evalLogNames(): string[] {
    const log = this.trainer.evalLog;
    const key = `${log.length}:${log[log.length - 1]?.step ?? ''}:${log[0]?.step ?? ''}`;
    if (key !== this.logNames.key) {
      this.logNames = { key, names: [...new Set(log.flatMap((e) => e.evals.flatMap((r) => Object.keys(r))))] };
    }
    return this.logNames.names;
  }

  /**
   * The lesson views as a `panels` frame: made again when the last one belongs to another generation, showed other
   * option values (a view's sample), or another step, either while paused (a single step should show) or once the
   * throttle gap (delivery.ts panelsGap) has passed. A member taking the channel up (`all`) gets the last one when
   * it is current enough.
   */
  private viewsFrame(all: boolean): Frame | null {
    const t = this.trainer;
    const now = this.now();
    const last = this.views;
    const stale =
      !last ||
      last.frame.generation !== t.generation ||
      !sameValues(last.values, t.values) ||
      (last.frame.step !== t.step && (t.state !== 'running' || now - last.at >= panelsGap(last)));
    if (!stale) return all ? last.frame : null;
    // A diverged variant's views would show non-finite weights: it says so in their place instead, so its
    // panels do not just vanish from the comparison.
    const views = t.runs.map((r) => (r.diverged ? (t.runs.length > 1 ? DIVERGED_VIEW : null) : (r.model.views?.() ?? null)));
    const merged = mergeViews(views, t.runs.map((r) => r.label));
    const frame = viewsFrame(merged, t.generation, t.step);
    // While running, another one follows within seconds: it may go volatile (delivery.ts isReliable). A paused run's
    // views (a single step, an option change) may be the last for a while, so they go reliably.
    if (t.state === 'running') frame.meta.live = true;
    const bytes = Object.values(frame.fields).reduce((n, f) => n + f.data.length * BYTES[f.dtype], 0);
    this.views = { frame, at: now, cost: this.now() - now, bytes, values: { ...t.values } };
    return frame;
  }
}

function sameValues(a: OptionValues, b: OptionValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

const framers = new WeakMap<Trainer, TrainerFrames>();

/**
 * Frames of `trainer` for `channels` (see TrainerFrames.frames), through one framer per trainer: for tests and
 * tools that frame a trainer directly. The engine holds its own TrainerFrames per room.
 */
export function framesOf(trainer: Trainer, channels: ReadonlySet<Channel>, opts: { all?: boolean } = {}): Frame[] {
  let framer = framers.get(trainer);
  if (!framer) {
    framer = new TrainerFrames(trainer);
    framers.set(trainer, framer);
  }
  return framer.frames(channels, opts.all ?? false);
}
