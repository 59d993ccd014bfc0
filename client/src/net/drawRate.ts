/**
 * How many `frames` packets a second this page can actually draw, for `frames:rate` (issue 11: a page never
 * receives more frames than it can draw). Plain TypeScript: the session feeds it and sends what it reports.
 *
 * Two measures, sampled once a second while the page is visible:
 *  - the animation-frame rate (requestAnimationFrame callbacks per second): a page cannot show more frames than
 *    it paints, and a throttled or busy page paints fewer;
 *  - the time one draw takes (the session's ingest of the packets that arrived since the last draw, and the
 *    view updates it causes), whose mean leaves half of each second free: 1000 / mean ms × DRAW_BUDGET.
 * The affordable rate is the least of them and FRAME_RATE_MAX, rounded down to one of the server's tiers
 * (FRAME_RATE_TIERS). A hidden page (document.visibilityState 'hidden') asks for the slowest tier at once, and
 * gets back the tier it had when it is shown again. Otherwise a new tier is reported only once every sample has
 * said so for HOLD_MS (no flapping when a measure sits on a tier's edge).
 */
import { FRAME_RATE_TIERS } from '@gradcast/shared';

/** The server's default, and the most a page asks for: packets per second. */
export const FRAME_RATE_MAX = FRAME_RATE_TIERS[0] ?? 30;
/** The slowest tier, asked for while the page is hidden. */
export const FRAME_RATE_MIN = FRAME_RATE_TIERS[FRAME_RATE_TIERS.length - 1] ?? 1;
/** Share of each second the page may spend drawing frames. */
export const DRAW_BUDGET = 0.5;
/** How long a new tier must hold before it is reported, ms. */
export const HOLD_MS = 2000;
/** How often the measures are sampled, ms. */
export const SAMPLE_MS = 1000;
/**
 * Slack on the counted animation-frame rate: a 30 Hz page counts 29 or 31 callbacks in a second depending on
 * where the window falls, and should keep the 30 tier.
 */
const ANIMATION_SLACK = 1.1;

/** The largest tier at or below `fps` (the slowest tier below all of them; NaN counts as the slowest). */
export function tierFor(fps: number, tiers: readonly number[] = FRAME_RATE_TIERS): number {
  const fastestFirst = [...tiers].sort((a, b) => b - a);
  for (const t of fastestFirst) if (t <= fps) return t;
  return fastestFirst[fastestFirst.length - 1] ?? FRAME_RATE_MIN;
}

/**
 * The packets per second a page can draw: the least of FRAME_RATE_MAX, its animation-frame rate (with a little
 * slack for counting), and what a draw of `drawMs` leaves within DRAW_BUDGET. Unknown measures (null) do not limit.
 */
export function affordableRate(animationFps: number | null, drawMs: number | null): number {
  let fps = FRAME_RATE_MAX;
  if (animationFps !== null) fps = Math.min(fps, animationFps * ANIMATION_SLACK);
  if (drawMs !== null && drawMs > 0) fps = Math.min(fps, (1000 / drawMs) * DRAW_BUDGET);
  return fps;
}

export class DrawRateMeter {
  /** The tier reported last (FRAME_RATE_MAX, the server's default, until a change is reported). */
  tier = FRAME_RATE_MAX;
  readonly #holdMs: number;
  #hidden = false;
  /** The tier the page had while visible, restored when it is shown again. */
  #visibleTier = FRAME_RATE_MAX;
  /** The tier the latest samples point to, and since when they have (null: the reported one). */
  #candidate: { tier: number; since: number } | null = null;
  // The current window.
  #windowStart: number | null = null;
  #animationFrames = 0;
  #draws = 0;
  #drawMs = 0;
  /** Mean draw time of the latest window that had draws (kept through windows without any: a paused run). */
  #meanDrawMs: number | null = null;

  constructor(options: { holdMs?: number } = {}) {
    this.#holdMs = options.holdMs ?? HOLD_MS;
  }

  get hidden(): boolean {
    return this.#hidden;
  }

  /** The page painted once (a requestAnimationFrame callback). */
  animationFrame(): void {
    this.#animationFrames++;
  }

  /** One draw (the frames that came since the last one, ingested and shown) took `ms`. */
  drew(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.#draws++;
    this.#drawMs += ms;
  }

  /**
   * The page was hidden or shown. Returns the tier to report now, or null when it stays: hidden asks for the
   * slowest tier at once; shown again, the page goes back to the tier it had, and measures afresh.
   */
  setHidden(hidden: boolean, now: number): number | null {
    if (hidden === this.#hidden) return null;
    this.#hidden = hidden;
    this.#candidate = null;
    this.#restartWindow(now);
    if (hidden) this.#visibleTier = this.tier;
    return this.#report(hidden ? FRAME_RATE_MIN : this.#visibleTier);
  }

  /**
   * Closes the current window (call about every SAMPLE_MS). Returns the tier to report when it changed and has
   * held for the hold time, else null.
   */
  sample(now: number): number | null {
    const start = this.#windowStart;
    if (this.#hidden || start === null || now - start <= 0) {
      this.#restartWindow(now);
      return null;
    }
    const animationFps = (this.#animationFrames * 1000) / (now - start);
    if (this.#draws > 0) this.#meanDrawMs = this.#drawMs / this.#draws;
    this.#restartWindow(now);
    const tier = tierFor(affordableRate(animationFps, this.#meanDrawMs));
    if (tier === this.tier) {
      this.#candidate = null;
      return null;
    }
    if (this.#candidate?.tier !== tier) {
      // Measured from the start of the window that first said so.
      this.#candidate = { tier, since: start };
    }
    if (now - this.#candidate.since < this.#holdMs) return null;
    return this.#report(tier);
  }

  #report(tier: number): number | null {
    this.#candidate = null;
    if (tier === this.tier) return null;
    this.tier = tier;
    return tier;
  }

  #restartWindow(now: number): void {
    this.#windowStart = now;
    this.#animationFrames = 0;
    this.#draws = 0;
    this.#drawMs = 0;
  }
}

/**
 * Runs a meter in the page: an animation-frame loop that counts paints, a sampling timer, and the page's
 * visibility. `onTier` gets each tier the meter reports. Returns a function that stops it all. Without a
 * document (tests, workers) only the timer runs, and the page counts as visible.
 */
export function watchDrawRate(meter: DrawRateMeter, onTier: (tier: number) => void): () => void {
  const now = (): number => performance.now();
  const doc = typeof document === 'undefined' ? null : document;
  const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : null;
  let frameId = 0;
  let stopped = false;
  const loop = (): void => {
    if (stopped) return;
    meter.animationFrame();
    frameId = raf ? raf(loop) : 0;
  };
  if (raf) frameId = raf(loop);
  const report = (tier: number | null): void => {
    if (tier !== null) onTier(tier);
  };
  const onVisibility = (): void => report(meter.setHidden(doc?.visibilityState === 'hidden', now()));
  doc?.addEventListener('visibilitychange', onVisibility);
  onVisibility();
  meter.sample(now()); // opens the first window
  const timer = setInterval(() => report(meter.sample(now())), SAMPLE_MS);
  return () => {
    stopped = true;
    if (frameId && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frameId);
    clearInterval(timer);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}

/** How long frames may wait for an animation frame before they are drawn anyway (a hidden page paints none), ms. */
export const DRAW_FALLBACK_MS = 250;

/**
 * Coalesces work into one run per animation frame: `request()` any number of times, `run` runs once, on the next
 * animation frame, or after DRAW_FALLBACK_MS when no animation frame comes (a hidden page). `runNow()` runs
 * pending work at once (an event that must see every frame before it). `run` gets whether it ran on a paint.
 */
export class DrawScheduler {
  readonly #run: (painted: boolean) => void;
  #frameId = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending = false;

  constructor(run: (painted: boolean) => void) {
    this.#run = run;
  }

  get pending(): boolean {
    return this.#pending;
  }

  request(): void {
    if (this.#pending) return;
    this.#pending = true;
    if (typeof requestAnimationFrame === 'function') this.#frameId = requestAnimationFrame(() => this.#fire(true));
    this.#timer = setTimeout(() => this.#fire(false), DRAW_FALLBACK_MS);
  }

  /** Runs the pending work now, if any. */
  runNow(): void {
    if (this.#pending) this.#fire(false);
  }

  /** Drops the pending work. */
  cancel(): void {
    this.#clear();
  }

  #fire(painted: boolean): void {
    this.#clear();
    this.#run(painted);
  }

  #clear(): void {
    this.#pending = false;
    if (this.#frameId && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.#frameId);
    this.#frameId = 0;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
