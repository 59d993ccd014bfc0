/**
 * The lines of a series panel, in legend order: `field`, then `y2` (when the panel has one), then each of
 * `lines`; the i-th line the panel declares is named names[i] (falling back to its field's name). A declared
 * line whose field the frame lacks is left out, and the others keep their names. The names entry after the
 * declared lines names the `points` markers, when the panel has some.
 */
import type { DemoPanel, Frame } from '@gradcast/shared';

export interface SeriesLine {
  name: string;
  values: ArrayLike<number>;
}

export function seriesLines(p: DemoPanel, frame: Frame | undefined): SeriesLine[] {
  const out: SeriesLine[] = [];
  declared(p).forEach((f, i) => {
    const values = frame?.fields[f]?.data;
    if (values) out.push({ name: p.names?.[i] ?? f, values });
  });
  return out;
}

/** The name of the points markers: the names entry after the lines', if the panel gives one. */
export function pointsName(p: DemoPanel): string | undefined {
  if (!p.points) return undefined;
  return p.names?.[declared(p).length];
}

/** The fields of the lines the panel declares, in legend order. */
function declared(p: DemoPanel): string[] {
  return [p.field, p.y2, ...(p.lines ?? [])].filter((f): f is string => !!f);
}

/** Colours of the lines that are not a comparison run's own: light and mid greys, apart from every run colour. */
export const NEUTRAL_LINES: readonly string[] = ['#e8ecf2', '#9aa5b4', '#6b7686'];

/**
 * Colours of a series panel's `count` lines in legend order: the palette's, or, in a run's panel of a comparison
 * (`runColor`), its first line (the run's own: its fit, its curve) in the run's colour, as the charts draw the
 * run, and the others (a reference such as the true line) in neutral greys, so no line reads as another run.
 */
export function lineColors(count: number, palette: readonly string[], runColor?: string): string[] {
  return Array.from({ length: count }, (_, k) =>
    runColor ? (k === 0 ? runColor : (NEUTRAL_LINES[(k - 1) % NEUTRAL_LINES.length] as string)) : (palette[k % palette.length] as string),
  );
}
