/** A segment clipped to a rectangle (Liang–Barsky), e.g. a hidden unit's boundary line to the plot's extent. */

export type Segment = [x0: number, y0: number, x1: number, y1: number];

/** The part of `s` inside extent [xMin, xMax, yMin, yMax]; null when none is (or a coordinate is not finite). */
export function clipSegment(s: Segment, [xMin, xMax, yMin, yMax]: readonly number[]): Segment | null {
  const [x0, y0, x1, y1] = s;
  if (![x0, y0, x1, y1, xMin, xMax, yMin, yMax].every(Number.isFinite)) return null;
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  // Each edge as p·t ≤ q: the segment's parameter range inside that half-plane.
  const edges: [number, number][] = [
    [-dx, x0 - (xMin as number)],
    [dx, (xMax as number) - x0],
    [-dy, y0 - (yMin as number)],
    [dy, (yMax as number) - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}
