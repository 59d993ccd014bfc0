import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_RATE_TIERS } from '@gradcast/shared';
import { affordableRate, DRAW_FALLBACK_MS, DrawRateMeter, DrawScheduler, SAMPLE_MS, tierFor, watchDrawRate } from './drawRate.ts';

/** One second of a page painting `fps` times and drawing `draws` frames of `ms` each; returns the sample's report. */
function second(meter: DrawRateMeter, t: number, fps: number, draws = 0, ms = 0): number | null {
  for (let i = 0; i < fps; i++) meter.animationFrame();
  for (let i = 0; i < draws; i++) meter.drew(ms);
  return meter.sample(t);
}

describe('tierFor', () => {
  it('rounds down to one of the server tiers, never below the slowest', () => {
    expect(FRAME_RATE_TIERS).toEqual([30, 15, 10, 5, 2, 1]);
    expect(tierFor(60)).toBe(30);
    expect(tierFor(30)).toBe(30);
    expect(tierFor(29.9)).toBe(15);
    expect(tierFor(12)).toBe(10);
    expect(tierFor(4.5)).toBe(2);
    expect(tierFor(1)).toBe(1);
    expect(tierFor(0.2)).toBe(1);
    expect(tierFor(0)).toBe(1);
    expect(tierFor(Number.NaN)).toBe(1);
  });
});

describe('affordableRate', () => {
  it('is the least of 30, the paint rate (with slack) and half of what a draw leaves', () => {
    expect(affordableRate(null, null)).toBe(30);
    expect(affordableRate(60, 2)).toBe(30);
    expect(tierFor(affordableRate(29, 1))).toBe(30); // a 30 Hz page counting one short keeps 30
    expect(tierFor(affordableRate(20, 1))).toBe(15);
    expect(affordableRate(60, 40)).toBe(12.5); // 25 draws a second would fill it; half of that
    expect(tierFor(affordableRate(60, 40))).toBe(10);
    expect(tierFor(affordableRate(60, 400))).toBe(1);
    expect(affordableRate(60, 0)).toBe(30);
  });
});

describe('DrawRateMeter', () => {
  it('starts at 30 and stays there while the page keeps up', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    for (let t = 1; t <= 10; t++) expect(second(m, t * 1000, 60, 30, 3)).toBeNull();
    expect(m.tier).toBe(30);
  });

  it('reports a slower tier only once it has held for 2 s', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    expect(second(m, 1000, 60, 30, 40)).toBeNull(); // 12.5/s affordable: tier 10, since 0
    expect(m.tier).toBe(30);
    expect(second(m, 2000, 60, 20, 40)).toBe(10);
    expect(m.tier).toBe(10);
    expect(second(m, 3000, 60, 10, 40)).toBeNull(); // unchanged: nothing to report
  });

  it('does not flap: a tier that does not hold for the hold time is never reported', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    for (let t = 1; t <= 20; t++) {
      // Alternates between a slow second (tier 10) and a fast one.
      expect(second(m, t * 1000, 60, 20, t % 2 ? 40 : 2)).toBeNull();
    }
    expect(m.tier).toBe(30);
  });

  it('restarts the hold when the tier the samples point to changes', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    expect(second(m, 1000, 60, 20, 40)).toBeNull(); // tier 10
    expect(second(m, 2000, 60, 20, 80)).toBeNull(); // tier 5: a new candidate from 1000
    expect(second(m, 3000, 60, 10, 80)).toBe(5);
  });

  it('goes back up once the page keeps up again, after the hold', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    second(m, 1000, 60, 20, 40);
    expect(second(m, 2000, 60, 20, 40)).toBe(10);
    expect(second(m, 3000, 60, 10, 2)).toBeNull();
    expect(second(m, 4000, 60, 10, 2)).toBe(30);
  });

  it('keeps the last draw cost through seconds without frames (a paused run)', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    second(m, 1000, 60, 20, 100);
    expect(second(m, 2000, 60, 0, 0)).toBe(5); // 5/s affordable at 100 ms a draw
    expect(second(m, 3000, 60, 0, 0)).toBeNull();
    expect(m.tier).toBe(5);
  });

  it('follows a slow paint rate (a throttled or busy page)', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    second(m, 1000, 8);
    expect(second(m, 2000, 8)).toBe(5);
  });

  it('asks for 1 at once while hidden, ignores what it measures meanwhile, and goes back when shown', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    second(m, 1000, 60, 20, 40);
    expect(second(m, 2000, 60, 20, 40)).toBe(10);
    expect(m.setHidden(true, 2500)).toBe(1);
    expect(m.hidden).toBe(true);
    expect(m.setHidden(true, 2600)).toBeNull();
    // No paints while hidden: not a measure of the page.
    for (let t = 3; t < 8; t++) expect(second(m, t * 1000, 0)).toBeNull();
    expect(m.tier).toBe(1);
    expect(m.setHidden(false, 8200)).toBe(10);
    expect(m.tier).toBe(10);
    // Measured afresh from being shown.
    expect(second(m, 9200, 60, 20, 2)).toBeNull();
    expect(second(m, 10200, 60, 20, 2)).toBe(30);
  });

  it('ignores draw times that are not durations', () => {
    const m = new DrawRateMeter();
    m.sample(0);
    m.drew(Number.NaN);
    m.drew(-5);
    second(m, 1000, 60);
    expect(second(m, 2000, 60)).toBeNull();
    expect(m.tier).toBe(30);
  });
});

describe('watchDrawRate', () => {
  let frames: (() => void)[] = [];
  let visibility: 'visible' | 'hidden' = 'visible';
  let listeners: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    listeners = [];
    visibility = 'visible';
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal('document', {
      get visibilityState() {
        return visibility;
      },
      addEventListener: (_: string, f: () => void) => listeners.push(f),
      removeEventListener: (_: string, f: () => void) => (listeners = listeners.filter((g) => g !== f)),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Runs the animation frames due, `n` times. */
  function paint(n: number): void {
    for (let i = 0; i < n; i++) {
      const due = frames;
      frames = [];
      for (const f of due) f();
    }
  }

  it('counts paints, samples each second, and reports hiding at once', () => {
    const seen: number[] = [];
    const m = new DrawRateMeter();
    const stop = watchDrawRate(m, (t) => seen.push(t));
    for (let s = 0; s < 3; s++) {
      paint(4); // 4 paints a second: tier 2 (4.4 with slack)
      vi.advanceTimersByTime(SAMPLE_MS);
    }
    expect(seen).toEqual([2]);
    visibility = 'hidden';
    for (const l of listeners) l();
    expect(seen).toEqual([2, 1]);
    visibility = 'visible';
    for (const l of listeners) l();
    expect(seen).toEqual([2, 1, 2]);
    stop();
    expect(listeners).toEqual([]);
    paint(1);
    expect(frames).toEqual([]); // the loop ended
  });

  it('starts hidden when the page is', () => {
    visibility = 'hidden';
    const seen: number[] = [];
    const stop = watchDrawRate(new DrawRateMeter(), (t) => seen.push(t));
    expect(seen).toEqual([1]);
    stop();
  });
});

describe('DrawScheduler', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => {};
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs once per animation frame however many requests came', () => {
    const runs: boolean[] = [];
    const s = new DrawScheduler((painted) => runs.push(painted));
    s.request();
    s.request();
    s.request();
    expect(s.pending).toBe(true);
    expect(frames.length).toBe(1);
    frames[0]?.();
    expect(runs).toEqual([true]);
    expect(s.pending).toBe(false);
    vi.advanceTimersByTime(DRAW_FALLBACK_MS * 2); // the fallback was cancelled
    expect(runs).toEqual([true]);
  });

  it('runs after the fallback delay when no animation frame comes (a hidden page)', () => {
    const runs: boolean[] = [];
    const s = new DrawScheduler((painted) => runs.push(painted));
    s.request();
    vi.advanceTimersByTime(DRAW_FALLBACK_MS);
    expect(runs).toEqual([false]);
    frames[0]?.(); // cancelled
    expect(runs).toEqual([false]);
  });

  it('runNow runs pending work at once, and nothing when none is pending', () => {
    const runs: boolean[] = [];
    const s = new DrawScheduler((painted) => runs.push(painted));
    s.runNow();
    expect(runs).toEqual([]);
    s.request();
    s.runNow();
    expect(runs).toEqual([false]);
    vi.advanceTimersByTime(DRAW_FALLBACK_MS);
    expect(runs).toEqual([false]);
    s.request();
    s.cancel();
    vi.advanceTimersByTime(DRAW_FALLBACK_MS);
    expect(runs).toEqual([false]);
  });
});
