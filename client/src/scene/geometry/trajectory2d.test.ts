import { describe, expect, it } from 'vitest';
import { nearestOnPaths, nearestPoint, trajectory2d } from './trajectory2d.ts';

const id = (v: number): number => v;

describe('trajectory2d', () => {
  it('draws every finite point and ends at the newest one', () => {
    expect(trajectory2d([0, 10, NaN, 20], [0, 5, 1, 10], id, id)).toEqual({ d: 'M0.0,0.0L10.0,5.0L20.0,10.0', last: [20, 10] });
  });
  it('drops moves under the minimum but always reaches the newest point', () => {
    const t = trajectory2d([0, 0.1, 0.2, 0.3], [0, 0, 0, 0], id, id, 1);
    expect(t).toEqual({ d: 'M0.0,0.0L0.3,0.0', last: [0.3, 0] });
  });
  it('clamps far points and is null without finite points', () => {
    expect(trajectory2d([1e9], [0], id, id)?.last).toEqual([1e5, 0]);
    expect(trajectory2d([NaN], [NaN], id, id)).toBeNull();
    expect(trajectory2d([], [], id, id)).toBeNull();
  });
});

describe('nearestPoint', () => {
  it('finds the point under the pointer within the radius, the newer on a tie, none past it', () => {
    const ws = [0, 10, 10, NaN];
    const bs = [0, 0, 0, 0];
    expect(nearestPoint(ws, bs, id, id, 1, 1)).toBe(0);
    expect(nearestPoint(ws, bs, id, id, 9, 0)).toBe(2);
    expect(nearestPoint(ws, bs, id, id, 50, 50)).toBeNull();
    expect(nearestPoint(ws, bs, id, id, 5, 0, 4)).toBeNull();
  });
});

describe('nearestOnPaths', () => {
  it('finds the nearest point over every path, the later path on a tie, none past the radius', () => {
    const paths = [
      { x: [0, 10], y: [0, 0] },
      { x: [20, 10], y: [0, 0] },
    ];
    expect(nearestOnPaths(paths, id, id, 1, 0)).toEqual({ path: 0, point: 0 });
    expect(nearestOnPaths(paths, id, id, 19, 1)).toEqual({ path: 1, point: 0 });
    expect(nearestOnPaths(paths, id, id, 10, 2)).toEqual({ path: 1, point: 1 });
    expect(nearestOnPaths(paths, id, id, 50, 50)).toBeNull();
    expect(nearestOnPaths([], id, id, 0, 0)).toBeNull();
  });
});
