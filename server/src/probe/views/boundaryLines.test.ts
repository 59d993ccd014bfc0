/** boundaryLines: clipped lines and zero contours against hand-computed geometry. */
import { describe, expect, it } from 'vitest';
import { clipLine, zeroContour } from './boundaryLines.ts';

describe('boundary lines', () => {
  it('clips a line to the box', () => {
    expect(clipLine(1, -1, 0, [0, 1, 0, 1])).toEqual([0, 0, 1, 1]); // y = x, through two corners
    expect(clipLine(1, 0, -0.5, [0, 1, 0, 2])).toEqual([0.5, 0, 0.5, 2]); // x = 0.5
    // x + 2y − 1 = 0 on [−1, 1]²: from (−1, 1) to (1, 0).
    expect(clipLine(1, 2, -1, [-1, 1, -1, 1])).toEqual([-1, 1, 1, 0]);
    expect(clipLine(1, 0, -5, [0, 1, 0, 1])).toBeNull(); // x = 5 misses
    expect(clipLine(0, 0, 1, [0, 1, 0, 1])).toBeNull();
  });

  it('traces f = 0: a vertical line, and a circle of radius 0.5', () => {
    const line = zeroContour((x) => x - 0.3, [0, 1, 0, 1], 10, 10);
    expect(line.length / 4).toBe(10);
    for (let i = 0; i < line.length; i += 2) expect(line[i]).toBeCloseTo(0.3, 6);
    const circle = zeroContour((x, y) => x * x + y * y - 0.25, [-1, 1, -1, 1], 40, 40);
    let length = 0;
    for (let i = 0; i < circle.length; i += 4) {
      const [x0, y0, x1, y1] = [circle[i]!, circle[i + 1]!, circle[i + 2]!, circle[i + 3]!];
      expect(Math.hypot(x0, y0)).toBeCloseTo(0.5, 2);
      length += Math.hypot(x1 - x0, y1 - y0);
    }
    expect(length).toBeCloseTo(Math.PI, 1); // 2π·0.5
  });

  it('resolves a saddle cell by the sign at its centre', () => {
    // f = x·y on [−1, 1]² as one cell: corners (−1,−1)+, (1,−1)−, (1,1)+, (−1,1)−, centre 0 (not > 0: sign of
    // corners 1 and 3), so corners 0 and 2 are cut off: bottom–left and right–top midpoints joined.
    const s = Array.from(zeroContour((x, y) => x * y, [-1, 1, -1, 1], 1, 1));
    expect(s).toEqual([0, -1, -1, 0, 1, 0, 0, 1]);
  });
});
