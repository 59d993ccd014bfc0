/**
 * The pixel maths of a drawing control (LessonOption kind 'drawing'): a small greyscale image, width·height bytes
 * row-major from the top-left, 0 black background … 255 white ink (MNIST's convention), sent as base64 ('' for
 * an empty image). Coordinates are in image pixels: pixel (col i, row j) covers [i, i+1) × [j, j+1), its centre
 * at (i + ½, j + ½).
 */

export interface Point {
  x: number;
  y: number;
}

/**
 * A round pen with a soft edge, in image pixels: ink is full within `radius − feather/2` of the pen's path, falls
 * linearly to none at `radius + feather/2` (the edge antialiased over `feather`), so a stroke looks like an MNIST
 * one: a solid core and grey edges.
 */
export interface Brush {
  radius: number;
  feather: number;
}

/**
 * The pen for a width-pixel image: at 28 px (MNIST) radius 1.5, feather 1.5, a stroke about 3 px wide plus its
 * grey edge, like the handwritten digits. Smaller images scale it down but keep a radius of at least 1.1 px and
 * a feather of at least 1 px: MNIST shrunk to 16×16 (ch09-05) has strokes about 2 px wide and soft, as its
 * antialiased resize blurs them over more pixels than the scale alone says.
 */
export function brushFor(width: number): Brush {
  const s = width / 28;
  return { radius: Math.max(1.1, 1.5 * s), feather: Math.max(1, 1.5 * s) };
}

/** Ink in [0, 1] at `distance` pixels from the pen's path. */
export function inkAt(distance: number, brush: Brush): number {
  const t = (brush.radius + brush.feather / 2 - distance) / brush.feather;
  return Math.min(1, Math.max(0, t));
}

/** Distance from p to the segment a–b (to a when a = b). */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Draws the pen along a–b (a dot when a = b) into `pixels` [height·width], each pixel keeping the larger of its
 * ink and the pen's (so a stroke over itself does not darken, and crossing strokes stay one shade). Only the
 * pixels within reach are visited; parts off the image are dropped. Returns whether any pixel changed.
 */
export function drawSegment(pixels: Uint8Array, width: number, height: number, a: Point, b: Point, brush: Brush): boolean {
  const reach = brush.radius + brush.feather / 2;
  const i0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const i1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const j0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const j1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  let changed = false;
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const v = Math.round(255 * inkAt(distanceToSegment({ x: i + 0.5, y: j + 0.5 }, a, b), brush));
      const k = j * width + i;
      if (v > (pixels[k] as number)) {
        pixels[k] = v;
        changed = true;
      }
    }
  }
  return changed;
}

/** A pointer's position (client px) over an element's box (client px) as image coordinates (may fall outside). */
export function toImagePoint(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
  width: number,
  height: number,
): Point {
  return {
    x: box.width > 0 ? ((clientX - box.left) / box.width) * width : 0,
    y: box.height > 0 ? ((clientY - box.top) / box.height) * height : 0,
  };
}

/** The image as the control's value: standard base64 of the bytes, or '' when there is no ink at all. */
export function encodeDrawing(pixels: Uint8Array): string {
  if (pixels.every((v) => v === 0)) return '';
  let s = '';
  for (const v of pixels) s += String.fromCharCode(v);
  return btoa(s);
}

/** A value as an image of width·height bytes: blank for '', undefined, or anything not such an image. */
export function decodeDrawing(value: string | undefined, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  if (!value) return out;
  let s: string;
  try {
    s = atob(value);
  } catch {
    return out;
  }
  if (s.length !== out.length) return out;
  for (let k = 0; k < s.length; k++) out[k] = s.charCodeAt(k);
  return out;
}

/** Grey bytes as opaque RGBA (ImageData's layout) into `rgba` [4·n]. */
export function greyToRgba(pixels: Uint8Array, rgba: Uint8ClampedArray): void {
  for (let k = 0; k < pixels.length; k++) {
    const v = pixels[k] as number;
    rgba[4 * k] = rgba[4 * k + 1] = rgba[4 * k + 2] = v;
    rgba[4 * k + 3] = 255;
  }
}
