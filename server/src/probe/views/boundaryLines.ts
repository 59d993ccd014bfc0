/**
 * Lines drawn over decision regions, as (x0, y0, x1, y1) segments inside the panel's extent:
 *  - clipLine: the line a·x + b·y + c = 0 (a hidden unit's boundary, where its pre-activation is 0);
 *  - zeroContour: the curve f(x, y) = 0 of a known function (ch08-03's true boundary), by marching squares.
 */
import type { Extent } from './regions.ts';

/**
 * The part of the line a·x + b·y + c = 0 inside `extent`, as [x0, y0, x1, y1], or null when the line misses the
 * box (or a = b = 0: no line).
 */
export function clipLine(a: number, b: number, c: number, extent: Extent): [number, number, number, number] | null {
  const [xMin, xMax, yMin, yMax] = extent;
  if (![a, b, c].every(Number.isFinite) || (a === 0 && b === 0)) return null;
  const hits: [number, number][] = [];
  const eps = 1e-9 * Math.max(1, xMax - xMin, yMax - yMin);
  // Crossings with the vertical sides (x fixed), then with the horizontal sides (y fixed).
  if (b !== 0) {
    for (const x of [xMin, xMax]) {
      const y = -(a * x + c) / b;
      if (y >= yMin - eps && y <= yMax + eps) hits.push([x, Math.min(yMax, Math.max(yMin, y))]);
    }
  }
  if (a !== 0) {
    for (const y of [yMin, yMax]) {
      const x = -(b * y + c) / a;
      if (x >= xMin - eps && x <= xMax + eps) hits.push([Math.min(xMax, Math.max(xMin, x)), y]);
    }
  }
  // The two crossings farthest apart (a line through a corner is found twice).
  let best: [number, number, number, number] | null = null;
  let bestD = -1;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      const [p, q] = [hits[i] as [number, number], hits[j] as [number, number]];
      const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
      // + 0 turns −0 into 0.
      if (d > bestD) [bestD, best] = [d, [p[0] + 0, p[1] + 0, q[0] + 0, q[1] + 0]];
    }
  }
  return best && bestD > eps * eps ? best : null;
}

/** Segments of each row of (a, b, c) lines clipped to `extent`, [k, 4] row-major (lines that miss are left out). */
export function clipLines(lines: readonly (readonly [number, number, number])[], extent: Extent): Float32Array {
  const out: number[] = [];
  for (const [a, b, c] of lines) {
    const s = clipLine(a, b, c, extent);
    if (s) out.push(...s);
  }
  return Float32Array.from(out);
}

/**
 * The zero level set of f over `extent`, by marching squares on an (nx + 1) × (ny + 1) lattice of corner values:
 * each cell whose corners change sign gets one segment (two at a saddle, split by the sign at the cell's centre)
 * between the points where linear interpolation along its edges is 0. Returns [k, 4] rows (x0, y0, x1, y1).
 */
export function zeroContour(f: (x: number, y: number) => number, extent: Extent, nx: number, ny: number): Float32Array {
  const [x0, x1, y0, y1] = extent;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const v = new Float64Array((nx + 1) * (ny + 1));
  for (let r = 0; r <= ny; r++) for (let c = 0; c <= nx; c++) v[r * (nx + 1) + c] = f(x0 + c * dx, y0 + r * dy);
  const at = (r: number, c: number): number => v[r * (nx + 1) + c] as number;
  const out: number[] = [];
  /** Where f crosses 0 between corner p (value fp) and corner q (value fq). */
  const cross = (px: number, py: number, fp: number, qx: number, qy: number, fq: number): [number, number] => {
    const t = fp / (fp - fq);
    return [px + t * (qx - px), py + t * (qy - py)];
  };
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const xa = x0 + c * dx;
      const xb = xa + dx;
      const ya = y0 + r * dy;
      const yb = ya + dy;
      // Corners counter-clockwise from bottom-left, with their values.
      const corners: [number, number, number][] = [
        [xa, ya, at(r, c)],
        [xb, ya, at(r, c + 1)],
        [xb, yb, at(r + 1, c + 1)],
        [xa, yb, at(r + 1, c)],
      ];
      const pos = corners.map((k) => k[2] > 0);
      const edges: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const p = corners[e] as [number, number, number];
        const q = corners[(e + 1) % 4] as [number, number, number];
        if (pos[e] !== pos[(e + 1) % 4]) edges.push(cross(p[0], p[1], p[2], q[0], q[1], q[2]));
      }
      if (edges.length === 2) {
        out.push(...(edges[0] as [number, number]), ...(edges[1] as [number, number]));
      } else if (edges.length === 4) {
        // Saddle (signs alternate round the cell; edge e joins corner e to corner e + 1). When the centre has the
        // sign of corners 1 and 3, corners 0 and 2 are cut off: segments (edge 0, edge 3) and (edge 1, edge 2);
        // otherwise corners 1 and 3 are: (edge 0, edge 1) and (edge 2, edge 3).
        const centre = f((xa + xb) / 2, (ya + yb) / 2) > 0;
        const [e0, e1, e2, e3] = edges as [[number, number], [number, number], [number, number], [number, number]];
        if (centre === pos[1]) out.push(...e0, ...e3, ...e1, ...e2);
        else out.push(...e0, ...e1, ...e2, ...e3);
      }
    }
  }
  return Float32Array.from(out);
}
