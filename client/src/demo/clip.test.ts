import { describe, expect, it } from 'vitest';
import { clipSegment } from './clip.ts';

const box = [-1, 1, -1, 1];

describe('clipSegment', () => {
  it('keeps a segment inside as it is', () => {
    expect(clipSegment([-0.5, 0, 0.5, 0.5], box)).toEqual([-0.5, 0, 0.5, 0.5]);
  });
  it('cuts a line crossing the box at its edges', () => {
    expect(clipSegment([-3, 0, 3, 0], box)).toEqual([-1, 0, 1, 0]);
    const s = clipSegment([-2, -2, 2, 2], box)!;
    s.forEach((v, k) => expect(v).toBeCloseTo([-1, -1, 1, 1][k]!));
    expect(clipSegment([0, -5, 0, 0], [0, 2, -1, 3])).toEqual([0, -1, 0, 0]);
  });
  it('drops a segment outside and one with a non-finite end', () => {
    expect(clipSegment([2, 2, 3, 3], box)).toBeNull();
    expect(clipSegment([-3, 2, 3, 2], box)).toBeNull();
    expect(clipSegment([0, 0, NaN, 1], box)).toBeNull();
  });
});
