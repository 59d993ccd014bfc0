import { HISTORY_CAPACITY, StepSeries } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { RunHistory } from './RunHistory.ts';
import { metricsFrame, pathFrame } from './testFrames.ts';

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
const lossAt = (step: number): number => Math.fround(1 / (1 + step));
/** A live metrics frame repeating the steps [from, to) with a train accuracy. */
const live = (from: number, to: number, acc = NaN, generation = 1) =>
  metricsFrame(range(from, to), [range(from, to).map(lossAt)], {
    evals: [{ testAccuracy: NaN, trainAccuracy: acc }],
    generation,
  });
const accuracy = (h: RunHistory, name = 'trainAccuracy'): number[] => h.evalSeries.find((s) => s.name === name)?.steps ?? [];

describe('RunHistory: loss and path', () => {
  it('merges live windows by step; a full frame replaces the loss; a view is a new object only when it changed', () => {
    const h = new RunHistory();
    h.addMetrics(live(0, 4));
    h.addMetrics(live(2, 6));
    expect(h.loss.steps).toEqual(range(0, 6));
    expect(h.loss.runs[0]).toEqual(range(0, 6).map(lossAt));
    const view = h.loss;
    h.addMetrics(live(3, 6));
    expect(h.loss).toBe(view);
    h.addMetrics(metricsFrame([0, 1], [[9, 8]], { full: true }));
    expect(h.loss).toEqual({ steps: [0, 1], runs: [[9, 8]] });
  });

  it('builds a view when it is read: frames merged between two reads give one new view with all of them', () => {
    const h = new RunHistory();
    const before = { loss: h.loss, path: h.path };
    h.addMetrics(live(0, 4));
    h.addMetrics(live(4, 8));
    h.addPath(pathFrame([0, 1], [[[1, 2, 10], [3, 4, 5]]]));
    h.addPath(pathFrame([2], [[[5, 6, 1]]]));
    const loss = h.loss;
    const path = h.path;
    expect(loss).not.toBe(before.loss);
    expect(path).not.toBe(before.path);
    expect(loss.steps).toEqual(range(0, 8));
    expect(path.steps).toEqual([0, 1, 2]);
    expect(h.loss).toBe(loss);
    expect(h.path).toBe(path);
  });

  it('keeps each run’s path as typed arrays, x, y and loss apart', () => {
    const h = new RunHistory();
    h.addPath(pathFrame([0, 1], [[[1, 2, 10], [3, 4, 5]], [[-1, -2, 9], [-3, -4, 8]]]));
    h.addPath(pathFrame([1, 2], [[[3, 4, 5], [5, 6, 1]], [[-3, -4, 8], [-5, -6, 7]]]));
    expect(h.path.steps).toEqual([0, 1, 2]);
    const [a, b] = h.path.runs;
    expect(a?.x).toBeInstanceOf(Float32Array);
    expect([a?.x, a?.y, a?.loss].map((c) => Array.from(c ?? []))).toEqual([[1, 3, 5], [2, 4, 6], [10, 5, 1]]);
    expect(Array.from(b?.y ?? [])).toEqual([-2, -4, -6]);
  });

  it('a late joiner’s loss curve equals a long-time viewer’s, thinned alike', () => {
    const server = new StepSeries(HISTORY_CAPACITY.loss);
    const viewer = new RunHistory();
    const late = new RunHistory();
    const end = 3 * HISTORY_CAPACITY.loss;
    for (let to = 16; to <= end; to += 16) {
      const frame = live(Math.max(0, to - 40), to);
      server.merge(range(to - 16, to), range(to - 16, to).map(lossAt));
      viewer.addMetrics(frame);
      if (to === end / 2) late.addMetrics(metricsFrame(server.steps, [server.values], { full: true }));
      else if (to > end / 2) late.addMetrics(frame);
    }
    expect(late.loss.steps.length).toBeLessThanOrEqual(HISTORY_CAPACITY.loss);
    expect(late.loss).toEqual(viewer.loss);
    expect(viewer.loss.steps).toEqual(server.steps);
  });

  it('names the variants of a comparison lesson', () => {
    const h = new RunHistory();
    h.addMetrics(metricsFrame([0], [[1], [2]], { variants: ['sgd', 'adam'] }));
    expect(h.variants).toEqual(['sgd', 'adam']);
  });
});

describe('RunHistory across generations', () => {
  /** 300 steps watched live, a frame every 10 steps (at steps 9, 19…) with a new train accuracy. */
  function watched(): RunHistory {
    const h = new RunHistory();
    for (let to = 10; to <= 300; to += 10) h.addMetrics(live(to - 10, to, to / 1000));
    return h;
  }
  /** The new generation's first metrics frame, as the server sends it: whole history before `start`, the log. */
  const fullFrame = (start: number, generation = 2) =>
    metricsFrame(range(0, start), [range(0, start).map(lossAt)], {
      evals: [{ testAccuracy: NaN, trainAccuracy: NaN }],
      log: start > 200 ? [{ step: 200, evals: [{ testAccuracy: 0.9, trainAccuracy: 0.2 }] }] : [],
      full: true,
      generation,
      step: start,
    });

  it('a rebuild at step s (run:status first) keeps the loss before s and the accuracy up to s', () => {
    const h = watched();
    h.newGeneration(221);
    expect(h.loss.steps.at(-1)).toBe(220);
    expect(accuracy(h).at(-1)).toBe(219);
    expect(accuracy(h)[0]).toBe(9);
    h.addMetrics(fullFrame(221));
    h.addMetrics(live(221, 240, 0.5, 2));
    expect(h.loss.steps).toEqual(range(0, 240));
    // The accuracy starts where the loss does, and the log's evaluation joined it.
    expect(accuracy(h)[0]).toBe(9);
    expect(accuracy(h).at(-1)).toBe(239);
    expect(accuracy(h, 'testAccuracy')).toEqual([200]);
  });

  it('a rebuild seen in a frame first: the accuracy waits for the start step, then is cut and merged back', () => {
    const h = watched();
    const before = h.evalSeries;
    h.newGeneration();
    h.addMetrics(fullFrame(221));
    h.addMetrics(live(221, 235, 0.5, 2));
    expect(h.loss.steps).toEqual(range(0, 235));
    // Until run:status tells the start, the chart keeps what it drew.
    expect(h.evalSeries).toBe(before);
    h.startsAt(221);
    const steps = accuracy(h);
    expect(steps[0]).toBe(9);
    expect(steps.filter((s) => s > 220 && s < 234)).toEqual([]);
    expect(steps.at(-1)).toBe(234);
    expect(accuracy(h, 'testAccuracy')).toEqual([200]);
    // Later statuses of the same generation change nothing.
    const view = h.evalSeries;
    h.startsAt(221);
    expect(h.evalSeries).toBe(view);
  });

  it('a revert to the checkpoint at step s drops what came after s', () => {
    const h = watched();
    h.addPath(pathFrame(range(0, 300), [range(0, 300).map((k): [number, number, number] => [k, -k, 1])]));
    h.newGeneration(100);
    expect(h.loss.steps.at(-1)).toBe(99);
    expect(h.path.steps.at(-1)).toBe(99);
    expect(Array.from(h.path.runs[0]?.y ?? []).at(-1)).toBe(-99);
    expect(accuracy(h).at(-1)).toBe(99);
  });

  it('a reset (start 0) starts everything afresh, in either order', () => {
    const first = watched();
    first.newGeneration(0);
    expect([first.loss.steps, first.path.runs, first.evalSeries]).toEqual([[], [], []]);
    const second = watched();
    second.newGeneration();
    second.addMetrics(live(0, 5, 0.1, 2));
    second.startsAt(0);
    expect(accuracy(second)).toEqual([4]);
    expect(second.loss.steps).toEqual(range(0, 5));
  });

  it('a reconnect to the same generation keeps the accuracy recorded live, and merges the snapshot’s log', () => {
    const h = watched();
    h.addMetrics(
      metricsFrame(range(0, 310), [range(0, 310).map(lossAt)], {
        evals: [{ testAccuracy: 0.9, trainAccuracy: 0.31 }],
        log: [{ step: 200, evals: [{ testAccuracy: 0.9, trainAccuracy: 0.2 }] }],
        full: true,
      }),
    );
    expect(accuracy(h)).toEqual([...range(0, 30).map((k) => 10 * k + 9), 309]);
    expect(accuracy(h, 'testAccuracy')).toEqual([200]);
  });

  it('a second generation before the first one’s start was told: the accuracy starts afresh', () => {
    const h = watched();
    h.newGeneration();
    h.newGeneration();
    h.startsAt(150);
    expect(h.evalSeries.every((s) => s.steps.length === 0)).toBe(true);
  });
});
