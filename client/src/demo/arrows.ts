/**
 * Geometry of the vectors panel: arrows from rows (x0, y0, x1, y1) of a [k, 4] field, drawn in an equal-aspect
 * plot (a 2-D vector's direction and length only read true when both axes share one unit).
 */

export interface Arrow {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The finite rows of a [k, 4] array. */
export function arrowsOf(data: ArrayLike<number>): Arrow[] {
  const out: Arrow[] = [];
  for (let k = 0; k + 3 < data.length; k += 4) {
    const [x0, y0, x1, y1] = [data[k], data[k + 1], data[k + 2], data[k + 3]] as [number, number, number, number];
    if ([x0, y0, x1, y1].every(Number.isFinite)) out.push({ x0, y0, x1, y1 });
  }
  return out;
}

/**
 * A square domain holding every arrow and the origin, padded by `pad` of its side: x and y get the same span,
 * centred on the data.
 */
export function squareDomain(arrows: readonly Arrow[], pad = 0.1): { x: [number, number]; y: [number, number] } {
  let [xl, xh, yl, yh] = [0, 0, 0, 0];
  for (const a of arrows) {
    xl = Math.min(xl, a.x0, a.x1);
    xh = Math.max(xh, a.x0, a.x1);
    yl = Math.min(yl, a.y0, a.y1);
    yh = Math.max(yh, a.y0, a.y1);
  }
  const side = Math.max(xh - xl, yh - yl, 1e-9) * (1 + 2 * pad);
  const cx = (xl + xh) / 2;
  const cy = (yl + yh) / 2;
  return { x: [cx - side / 2, cx + side / 2], y: [cy - side / 2, cy + side / 2] };
}

/**
 * The arrowhead at (x1, y1) of a pixel-space arrow from (x0, y0): a triangle `size` long, as an SVG points
 * string; empty for a zero-length arrow (no direction to point in).
 */
export function arrowHead(x0: number, y0: number, x1: number, y1: number, size = 9): string {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = Math.hypot(dx, dy);
  if (len < 1e-9) return '';
  const s = Math.min(size, len * 0.6);
  const ux = dx / len;
  const uy = dy / len;
  const bx = x1 - ux * s;
  const by = y1 - uy * s;
  const w = s * 0.45;
  const pts: [number, number][] = [
    [x1, y1],
    [bx - uy * w, by + ux * w],
    [bx + uy * w, by - ux * w],
  ];
  return pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}
