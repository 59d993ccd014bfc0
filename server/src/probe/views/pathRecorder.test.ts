/** pathRecorder: visited points in order, bounded, recorded at training passes only. */
import { describe, expect, it } from 'vitest';
import type { LessonModel } from '../../train/lessonModel.ts';
import { PathRecorder, recordOnTraining } from './pathRecorder.ts';

describe('path recorder', () => {
  it('keeps the visited points in order and appends the current one', () => {
    const p = new PathRecorder(2);
    p.record([1, 2]);
    p.record([3, 4]);
    expect(Array.from(p.points([5, 6]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.last()).toEqual([3, 4]);
    expect(() => p.record([1])).toThrow(RangeError);
  });

  it('stays bounded on a long run, keeping the first and the latest points', () => {
    const p = new PathRecorder(1, 64);
    for (let i = 0; i < 1000; i++) p.record([i]);
    const pts = p.points();
    expect(pts.length).toBeLessThanOrEqual(64);
    expect(pts[0]).toBe(0);
    expect(pts[pts.length - 1]).toBe(999);
    expect(p.recorded).toBe(1000);
  });

  it('records θ at training passes only', () => {
    let w = 0;
    const model = { loss: (_training: boolean) => w } as unknown as LessonModel;
    const p = new PathRecorder(1);
    recordOnTraining(model, p, () => [w]);
    model.loss(true);
    w = 1;
    model.loss(false);
    model.loss(true);
    expect(Array.from(p.points())).toEqual([0, 1]);
  });

  it('records the tape-free training pass too, once per step, and not when it hands over to loss(true)', () => {
    // The trainer calls lossAndGrads() and, when it returns null, loss(true): each step is one point either way.
    let w = 0;
    let direct = true;
    const model = {
      loss: (_training: boolean) => w,
      lossAndGrads: () => (direct ? { loss: w, grads: [] } : null),
    } as unknown as LessonModel;
    const p = new PathRecorder(1);
    recordOnTraining(model, p, () => [w]);
    const step = () => {
      if (!model.lossAndGrads?.()) model.loss(true);
      w += 1;
    };
    step();
    direct = false;
    step();
    direct = true;
    step();
    expect(Array.from(p.points())).toEqual([0, 1, 2]);
  });
});

describe('PathRecorder.rewind', () => {
  it('forgets the points of the steps at and after a revert, and records from there again', () => {
    const r = new PathRecorder(1);
    for (let k = 0; k < 30; k++) r.record([k * 10]);
    r.rewind(20);
    expect(r.recorded).toBe(20);
    expect(Array.from(r.points())).toEqual(Array.from({ length: 20 }, (_, k) => k * 10));
    r.record([-1]);
    expect(r.last()).toEqual([-1]);
    expect(r.points().length).toBe(21);
  });
});
