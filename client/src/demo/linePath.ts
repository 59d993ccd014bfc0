/** An SVG path through (xs[i], ys[i]) mapped by sx, sy to pixels; a non-finite point lifts the pen. */
export function linePath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const px = xs[i] as number;
    const py = ys[i] as number;
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(px).toFixed(1)},${sy(py).toFixed(1)}`;
    pen = true;
  }
  return d;
}
