/**
 * The live landscape of a training run (liveLandscape.ts), through the framer that owns it: the slice's centre is
 * the loss of θ on the probe batch in evaluation mode (the oracle), levels come coarse to fine, the path ends at θ,
 * the presenter's settings pick the plane, the runs plane puts the start and two runs where it says, a new
 * generation starts over, and nothing is kept while nobody watches.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { decodeFrame, encodeFrame, type Frame } from '@gradcast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { ch07_03 } from '../../lessons/ch07-03/model.ts';
import { ch08_08 } from '../../lessons/ch08-08/model.ts';
import type { TrainableLesson } from '../../train/lessonModel.ts';
import { Trainer } from '../../train/trainer.ts';
import { TrainerFrames } from '../trainerFrames.ts';
import { readParams } from './paramArrays.ts';
import { trueLoss } from './trueLoss.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const LANDSCAPE = new Set(['landscape'] as const);

/** A trainer with its framer on a manual clock; `step` trains one step 200 ms later and lets the landscape see it. */
function setup(lesson: TrainableLesson, seed = 1) {
  const clock = { t: 0 };
  const trainer = new Trainer(lesson, seed, { speed: 0 });
  // Each reading moves the clock by 1 µs, so a budget of less than that is one pass of work.
  const framer = new TrainerFrames(trainer, () => (clock.t += 1e-3));
  const work = framer.background!;
  const step = (n = 1): void => {
    for (let i = 0; i < n; i++) {
      clock.t += 200;
      trainer.trainStep();
      work.stepped();
    }
  };
  /** Runs the landscape's work to the end, returning the live frames made after each pass. */
  const settle = (): Frame[] => {
    const out: Frame[] = [];
    for (let i = 0; i < 10_000 && work.pending(); i++) {
      if (work.run(1e-6)) out.push(...framer.frames(LANDSCAPE).filter((f) => f.channel === 'landscape'));
    }
    expect(work.pending()).toBe(false);
    return out;
  };
  const latest = (): Frame => {
    const f = framer.frames(LANDSCAPE, true).find((x) => x.channel === 'landscape');
    expect(f).toBeDefined();
    // Through the wire, as a viewer reads it.
    return decodeFrame(encodeFrame(f!));
  };
  return { clock, trainer, framer, work, step, settle, latest };
}

const row = (f: Frame, name: string, i: number, width: number): number[] => {
  const d = f.fields[name]!.data;
  const k = i < 0 ? d.length / width + i : i;
  return Array.from(d.subarray(k * width, (k + 1) * width));
};

describe('the live landscape of one run (ch07-03, XOR)', () => {
  it('slices through θ coarse to fine: the centre is L(θ) on the probe batch, the path ends at θ', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE); // someone watches
    s.step(6);
    s.trainer.control('pause');
    const frames = s.settle();
    expect(frames.map((f) => f.meta.resolution)).toEqual([9, 17, 33]);
    const f = s.latest();
    expect(f.meta.kind).toBe('trajectory');
    expect(f.step).toBe(6);
    const source = s.trainer.main.model.landscape!;
    const lossNow = trueLoss(source, readParams(s.trainer.main.model.params));
    const z = f.fields.z!.data;
    expect(z[16 * 33 + 16]).toBeCloseTo(lossNow, 3);
    // The newest path point is θ itself: on the plane's centre, at its true loss, at distance 0.
    const [a, b, loss, distance] = row(f, 'path', -1, 4);
    expect(Math.abs(a!)).toBeLessThan(1e-6);
    expect(Math.abs(b!)).toBeLessThan(1e-6);
    expect(distance!).toBeLessThan(1e-6);
    expect(loss).toBeCloseTo(lossNow, 5);
    // A trajectory plane spans the path it was made from: every earlier point lies on it.
    const k = f.fields.path!.dims[0]!;
    expect(k).toBe(7);
    for (let i = 0; i < k; i++) expect(row(f, 'path', i, 4)[3]).toBeLessThan(1e-3 * (1 + Math.abs(row(f, 'path', 0, 4)[0]!)));
    expect(String(f.meta.explained).split('|').map(Number).reduce((x, y) => x + y)).toBeLessThanOrEqual(1 + 1e-9);
    s.trainer.dispose();
  });

  it('a random plane on request, new directions with a new seed; nothing more to do once it is done and θ stands', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE);
    s.step(3);
    s.trainer.control('pause');
    s.settle();
    s.trainer.setValues({ landscapePlane: 'random' });
    const first = s.settle();
    expect(first[0]!.meta.kind).toBe('random');
    expect(first[0]!.meta.resolution).toBe(9); // a new plane shows from its first level
    const z1 = Array.from(s.latest().fields.z!.data);
    s.trainer.setValues({ landscapeDirections: 2 });
    s.settle();
    const z2 = Array.from(s.latest().fields.z!.data);
    expect(z2[16 * 33 + 16]).toBeCloseTo(z1[16 * 33 + 16]!, 4); // the same θ at the centre
    expect(z2).not.toEqual(z1); // other directions
    expect(s.work.pending()).toBe(false);
    s.trainer.dispose();
  });

  it('stands a random plane in until the trajectory spans one, then shows the trajectory plane at once', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE);
    s.step(1);
    for (let i = 0; i < 1000 && !s.framer.frames(LANDSCAPE, true).length; i++) s.work.run(1e-6);
    const early = s.latest();
    expect(early.meta.kind).toBe('random');
    expect(early.meta.resolution).toBe(9);
    s.step(4); // mid-slice: the stand-in gives way
    const frames = s.settle();
    expect(frames[0]!.meta.resolution).toBe(9);
    expect(s.latest().meta.kind).toBe('trajectory');
    s.trainer.dispose();
  });

  it('follows θ: a routine new slice replaces the last only once complete', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE);
    s.step(3);
    s.settle();
    const before = s.latest();
    s.clock.t += 10_000; // the refresh time has passed
    s.step(1);
    const frames = s.settle();
    // The new point on the old slice, then the new slice through it, whole: no coarse level in between.
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames.every((f) => f.meta.resolution === 33)).toBe(true);
    expect(Math.abs(row(frames[0]!, 'path', -1, 4)[0]!)).toBeGreaterThan(0);
    const now = s.latest();
    expect(now.step).toBe(4);
    expect(Math.abs(row(now, 'path', -1, 4)[0]!)).toBeLessThan(1e-6);
    expect(before.step).toBe(3);
    s.trainer.dispose();
  });

  it('sends new path points alone at most twice a second while running', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE);
    s.step(3);
    s.settle();
    s.framer.frames(LANDSCAPE); // the last level has gone
    const live = (): number => s.framer.frames(LANDSCAPE).filter((f) => f.channel === 'landscape').length;
    s.clock.t += 300;
    s.step(1); // 500 ms after the last frame: a new point
    s.work.run(1e-6);
    expect(live()).toBe(1);
    s.step(1); // 200 ms after that frame: too soon
    s.work.run(1e-6);
    expect(live()).toBe(0);
    s.step(2); // 600 ms after it
    s.work.run(1e-6);
    expect(live()).toBe(1);
    s.trainer.dispose();
  });

  it('a new generation starts over; unwatched, it keeps and computes nothing', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE);
    s.step(3);
    s.settle();
    s.trainer.control('reset');
    expect(s.framer.frames(LANDSCAPE, true).some((f) => f.channel === 'landscape')).toBe(false);
    s.step(2);
    s.settle();
    expect(s.latest().generation).toBe(2);
    s.framer.frames(new Set()); // nobody watches now
    expect(s.work.pending()).toBe(false);
    s.step(2);
    expect(s.work.pending()).toBe(false);
    expect(s.framer.frames(new Set(['landscape']), true).length).toBe(0); // taken up again: made afresh
    s.trainer.dispose();
  });

  it('leaves no tensor behind', () => {
    const s = setup(ch07_03);
    s.framer.frames(LANDSCAPE);
    s.step(2);
    s.settle();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      s.clock.t += 10_000;
      s.step(1);
      s.settle();
    }
    s.trainer.setValues({ landscapePlane: 'random' });
    s.step(1);
    s.work.run(1); // a slice under way when the room goes
    expect(tf.memory().numTensors).toBeGreaterThanOrEqual(before);
    s.work.dispose();
    expect(tf.memory().numTensors).toBe(before);
    s.trainer.dispose();
  });
});

describe('the runs plane of a comparison (ch08-08, four momenta from one start)', () => {
  it('puts the start at (0, 0), run a at (1, 0) and run b at (0, 1), with both paths', () => {
    const s = setup(ch08_08);
    s.trainer.setValues({ landscapeRun: 1, landscapeRun2: 4 });
    s.framer.frames(LANDSCAPE);
    s.step(5);
    s.trainer.control('pause');
    s.settle();
    const f = s.latest();
    expect(f.meta.kind).toBe('runs');
    expect([f.meta.xMin, f.meta.xMax, f.meta.yMin, f.meta.yMax]).toEqual([-0.5, 1.5, -0.5, 1.5]);
    expect(f.meta.run).toBe(s.trainer.runs[0]!.label);
    expect(String(f.meta.runs).split('|')).toEqual(s.trainer.runs.map((r) => r.label));
    const [a, b, , d] = row(f, 'path', -1, 4);
    expect(a).toBeCloseTo(1, 5);
    expect(b).toBeCloseTo(0, 5);
    expect(d).toBeLessThan(1e-5);
    const others = f.fields.others!;
    const mine = Array.from({ length: others.dims[0]! }, (_, i) => row(f, 'others', i, 5)).filter((r) => r[0] === 3);
    const [, a4, b4, , d4] = mine.at(-1)!;
    expect(a4).toBeCloseTo(0, 5);
    expect(b4).toBeCloseTo(1, 5);
    expect(d4).toBeLessThan(1e-5);
    // The start's loss is the slice's value at (0, 0): grid point (8, 8) of 33 over [−0.5, 1.5].
    const start = trueLoss(s.trainer.main.model.landscape!, s.trainer.initialWeights![0]!);
    expect(f.fields.z!.data[8 * 33 + 8]).toBeCloseTo(start, 3);
    // Momentum runs get their velocity.
    expect(f.fields.velocity).toBeDefined();
    s.trainer.dispose();
  });
});
