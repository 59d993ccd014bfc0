import { describe, expect, it } from 'vitest';
import { StepSeries } from './history.ts';

describe('StepSeries', () => {
  it('merges overlapping windows by step without duplicates', () => {
    const s = new StepSeries();
    s.merge([0, 1, 2], [5, 4, 3]);
    s.merge([1, 2, 3, 4], [4, 3, 2, 1]);
    expect(s.steps).toEqual([0, 1, 2, 3, 4]);
    expect(s.values).toEqual([5, 4, 3, 2, 1]);
  });

  it('stays bounded, keeps the first and the recent points', () => {
    const s = new StepSeries(100);
    for (let i = 0; i < 1000; i++) s.merge([i], [i * 2]);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.steps[0]).toBe(0);
    expect(s.lastStep).toBe(999);
    // the recent end is at full resolution
    expect(s.steps.slice(-5)).toEqual([995, 996, 997, 998, 999]);
    // values still belong to their steps
    s.steps.forEach((st, i) => expect(s.values[i]).toBe(st * 2));
  });

  it('truncates after a step (revert)', () => {
    const s = new StepSeries();
    s.merge([0, 1, 2, 3], [1, 1, 1, 1]);
    s.truncateAfter(1);
    expect(s.steps).toEqual([0, 1]);
    s.merge([2], [9]);
    expect(s.values).toEqual([1, 1, 9]);
  });

  it('never exceeds its capacity, whatever the capacity and however the points come', () => {
    for (const capacity of [8, 100, 1000, 4096]) {
      const s = new StepSeries(capacity);
      for (let i = 0; i < 30_000; i += 7) s.merge([i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6], [0, 0, 0, 0, 0, 0, 0]);
      expect(s.length).toBeLessThanOrEqual(capacity);
      expect(s.lastStep).toBe(30_001);
    }
  });
});

describe('StepSeries with several columns (optimizer path)', () => {
  it('keeps columns aligned through decimation', () => {
    const s = new StepSeries(64, 3);
    for (let i = 0; i < 500; i++) s.push(i, i, -i, i * i);
    expect(s.length).toBeLessThanOrEqual(64);
    s.steps.forEach((st, i) => {
      expect(s.columns[0]![i]).toBe(st);
      expect(s.columns[1]![i]).toBe(-st);
      expect(s.columns[2]![i]).toBe(st * st);
    });
    expect(() => s.merge([1000], [1])).toThrow(RangeError);
  });
});

describe('StepSeries decimation keeps a uniform resolution', () => {
  it('after a long run the older points are evenly spaced, the start and the recent tail are kept', () => {
    const s = new StepSeries(1000);
    for (let i = 0; i < 100_000; i++) s.push(i, i);
    expect(s.length).toBeLessThanOrEqual(1000);
    expect(s.steps[0]).toBe(0);
    const tailStart = s.length - 50;
    const gaps = new Set<number>();
    for (let i = 1; i < tailStart; i++) {
      const step = s.steps[i]!;
      if (step < 90_000) gaps.add(step - s.steps[i - 1]!);
    }
    // One spacing across the whole older part (a power of two), not ever sparser towards the start.
    expect(gaps.size).toBe(1);
    expect(s.steps.slice(-5)).toEqual([99_995, 99_996, 99_997, 99_998, 99_999]);
  });

  it('a point at every step keeps the multiples of one power of two, then the last 256 steps whole', () => {
    const s = new StepSeries(1000);
    for (let i = 0; i < 100_000; i++) s.push(i, i);
    const older = s.steps.filter((st) => st <= 99_999 - 250);
    const stride = older[1]! - older[0]!;
    expect(Math.log2(stride) % 1).toBe(0);
    expect(older.every((st, k) => st === k * stride)).toBe(true);
    expect(s.steps.slice(older.length)).toEqual(Array.from({ length: 250 }, (_, k) => 99_750 + k));
  });

  it('keeps a sparse series whole while its points are further apart than the stride (an evaluation per epoch)', () => {
    const s = new StepSeries(1024);
    // 300 epochs of 469 steps: the stride (256) stays under the spacing, so no evaluation is thinned away.
    for (let e = 1; e <= 300; e++) s.push(469 * e, e);
    for (let i = 300 * 469 + 1; i < 300 * 469 + 400; i++) s.push(i, 0);
    expect(s.steps.filter((st) => st % 469 === 0).length).toBe(300);
  });
});

/** A run of `n` steps as live frames would carry it: every `every` steps, a frame repeating the last `window` points. */
function frames(n: number, every: number, window: number): number[][] {
  const out: number[][] = [];
  for (let end = every; end <= n; end += every) {
    out.push(Array.from({ length: Math.min(window, end) }, (_, k) => end - Math.min(window, end) + k));
  }
  return out;
}
const value = (step: number): number => Math.sin(step / 50);
const feed = (s: StepSeries, steps: number[]): void => s.merge(steps, steps.map(value));
const copy = (s: StepSeries): { steps: number[]; values: number[] } => ({ steps: [...s.steps], values: [...s.values] });

describe('StepSeries thinning depends on the steps alone', () => {
  const N = 40_000;
  const run = frames(N, 10, 48);

  it('one point at a time or overlapping windows, the same points are kept', () => {
    const one = new StepSeries(2048);
    for (let i = 0; i < N; i++) feed(one, [i]);
    const windows = new StepSeries(2048);
    for (const f of run) feed(windows, f);
    expect(copy(windows)).toEqual(copy(one));
  });

  it("a late joiner (the server's thinned history, then live frames) ends with a long-time viewer's points", () => {
    const server = new StepSeries(2048);
    const viewer = new StepSeries(2048);
    let late: StepSeries | null = null;
    run.forEach((f, k) => {
      feed(server, f);
      feed(viewer, f);
      if (k === 1234) {
        late = new StepSeries(2048);
        late.merge(server.steps, server.values);
      } else if (late) {
        feed(late, f);
      }
    });
    expect(copy(late!)).toEqual(copy(viewer));
    expect(copy(server)).toEqual(copy(viewer));
  });

  it('two members that missed different frames keep the same points at every step both hold', () => {
    // A deterministic pattern of dropped frames: each member misses runs of frames the other received.
    const a = new StepSeries(2048);
    const b = new StepSeries(2048);
    const gotA = new Set<number>();
    const gotB = new Set<number>();
    const receive = (s: StepSeries, got: Set<number>, f: number[]): void => {
      feed(s, f);
      for (const step of f) got.add(step);
    };
    run.forEach((f, k) => {
      const dropA = k % 997 < 9; // 9 frames of 10 steps, past the 48-point window: a gap of ≈ 40 steps
      const dropB = (k + 500) % 1301 < 12;
      const last = k === run.length - 1;
      if (!dropA || last) receive(a, gotA, f);
      if (!dropB || last) receive(b, gotB, f);
    });
    expect(a.lastStep).toBe(b.lastStep);
    const keptA = new Set(a.steps);
    const keptB = new Set(b.steps);
    // A member that missed the first steps of a bucket keeps its next point instead: the one after a gap.
    const afterGap = (s: number): boolean => (gotA.has(s) && !gotA.has(s - 1)) || (gotB.has(s) && !gotB.has(s - 1));
    let compared = 0;
    for (const s of gotA) {
      if (!gotB.has(s) || afterGap(s)) continue;
      expect(keptA.has(s), `step ${s}`).toBe(keptB.has(s));
      compared++;
    }
    expect(compared).toBeGreaterThan(30_000);
    // Both keep what a member that received everything keeps, at the steps they received.
    const all = new StepSeries(2048);
    for (const f of run) feed(all, f);
    for (const s of all.steps) {
      if (gotA.has(s)) expect(keptA.has(s), `step ${s}`).toBe(true);
      if (gotB.has(s)) expect(keptB.has(s), `step ${s}`).toBe(true);
    }
    // and the values are their steps' own
    a.steps.forEach((s, i) => expect(a.values[i]).toBe(value(s)));
  });

  it('a rewind then more points: every holder that rewinds at the same step stays the same', () => {
    const x = new StepSeries(512);
    const y = new StepSeries(512);
    for (let i = 0; i < 5000; i++) feed(x, [i]);
    for (const f of frames(5000, 7, 30)) feed(y, f);
    x.truncateAfter(3000);
    y.truncateAfter(3000);
    for (let i = 3001; i <= 3990; i++) feed(x, [i]);
    for (const f of frames(4000, 13, 40)) feed(y, f.filter((s) => s > 3000));
    expect(copy(y)).toEqual(copy(x));
    expect(x.length).toBeLessThanOrEqual(512);
  });
});
