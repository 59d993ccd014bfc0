/**
 * The optimizer's velocity as an arrow at the current point, for the 3-D view (world units, drawn horizontally at
 * the point's height) and the contour map (pixels) alike: one construction, two scales.
 *
 * The velocity comes in plane units (α, β). A view stretches each axis by its own factor (the 3-D square maps
 * each range to [−1, 1]; the map's pixels flip β upwards), so the direction is taken after that stretch: what
 * is drawn points where the next update goes on that view. Its length is fixed on screen, since an update is
 * a tiny fraction of the plane's extent; the readout and the text alternative give its size.
 */

/** Unit direction of plane vector (vx, vy) on a view that stretches x by sx and y by sy; null when zero or not finite. */
export function viewDirection(v: readonly [number, number], sx: number, sy: number): [number, number] | null {
  const dx = v[0] * sx;
  const dy = v[1] * sy;
  const norm = Math.hypot(dx, dy);
  return Number.isFinite(norm) && norm > 0 ? [dx / norm, dy / norm] : null;
}

/**
 * An arrow from (x, y) along unit `dir`, `length` long, as three segments flat [x0, y0, x1, y1] each: the shaft,
 * then the head's two barbs from the tip, `head` × length long, `spread` radians either side of the shaft.
 */
export function arrowSegments(x: number, y: number, dir: readonly [number, number], length: number, head = 0.3, spread = 0.5): number[] {
  const [ux, uy] = dir;
  const tx = x + ux * length;
  const ty = y + uy * length;
  const barb = (sign: number): number[] => {
    const c = Math.cos(spread);
    const s = Math.sin(spread) * sign;
    // The shaft's direction turned by ±spread, pointing back from the tip.
    const bx = -(ux * c - uy * s);
    const by = -(ux * s + uy * c);
    return [tx, ty, tx + bx * head * length, ty + by * head * length];
  };
  return [x, y, tx, ty, ...barb(1), ...barb(-1)];
}

/** The segments of arrowSegments lifted to height z: xyz pairs for a line-segments object (18 numbers). */
export function arrowSegments3d(x: number, y: number, z: number, dir: readonly [number, number], length: number): Float32Array {
  const flat = arrowSegments(x, y, dir, length);
  const out = new Float32Array((flat.length / 2) * 3);
  for (let k = 0; k < flat.length / 2; k++) {
    out[3 * k] = flat[2 * k] as number;
    out[3 * k + 1] = flat[2 * k + 1] as number;
    out[3 * k + 2] = z;
  }
  return out;
}
