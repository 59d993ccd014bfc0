/**
 * Canvas drawing shared by the 2-D plots (CanvasPlot): class-coloured dots with a dark outline, and light
 * lines with a dark halo, both readable over any region colour. Coordinates are data units, mapped by sx, sy
 * onto the plot area's CSS pixels.
 */
import { classCss, classIndex } from './classColor.ts';

export type Scale = (v: number) => number;

/** Draws a plot's data; called again whenever the plot's data or size changes. */
export type Draw = (ctx: CanvasRenderingContext2D, sx: Scale, sy: Scale, size: { w: number; h: number }) => void;

const OUTLINE = '#0b0e13';

/** Dots at rows (x, y, class); one path per class, so thousands of points cost a few fills. */
export function drawDots(ctx: CanvasRenderingContext2D, rows: readonly number[][], sx: Scale, sy: Scale, r: number): void {
  const byClass = new Map<number, number[][]>();
  for (const row of rows) {
    const c = classIndex(row[2] ?? 0);
    const list = byClass.get(c) ?? [];
    list.push(row);
    byClass.set(c, list);
  }
  // A dark ring around each dot: it parts a dot from its neighbours and from a region of its own hue.
  ctx.lineWidth = r > 3 ? 1.5 : 1.2;
  ctx.strokeStyle = OUTLINE;
  for (const [c, list] of byClass) {
    ctx.fillStyle = classCss(c);
    ctx.beginPath();
    for (const [x, y] of list) {
      const px = sx(x as number);
      const py = sy(y as number);
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
}

/** Lines (x0, y0, x1, y1), light on a dark halo. */
export function drawSegments(ctx: CanvasRenderingContext2D, segments: readonly number[][], sx: Scale, sy: Scale): void {
  ctx.beginPath();
  for (const [x0, y0, x1, y1] of segments) {
    ctx.moveTo(sx(x0 as number), sy(y0 as number));
    ctx.lineTo(sx(x1 as number), sy(y1 as number));
  }
  ctx.lineCap = 'round';
  ctx.strokeStyle = 'rgb(11 14 19 / 0.75)';
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.strokeStyle = '#f4f6fa';
  ctx.lineWidth = 1.75;
  ctx.stroke();
}
