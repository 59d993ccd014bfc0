import { describe, expect, it } from 'vitest';
import { roomLayout } from './roomLayout.ts';

const rowsOf = (areas: string): string[][] =>
  [...areas.matchAll(/"([^"]*)"/g)].map((m) => (m[1] as string).split(' '));
/** Distinct areas per row, in order (spans collapsed). */
const shape = (areas: string): string[][] => rowsOf(areas).map((r) => r.filter((a, k) => a !== r[k - 1]));

describe('roomLayout', () => {
  it('lays out the foundation lesson as before: surface and contour over data and loss', () => {
    const l = roomLayout(['metrics', 'params', 'surface', 'path', 'data', 'fit'], { accuracy: false });
    expect(l.panels).toEqual(['surface', 'contour', 'data', 'loss']);
    expect(shape(l.wide.areas)).toEqual([
      ['surface', 'contour', 'side'],
      ['data', 'loss', 'side'],
    ]);
    expect(rowsOf(l.wide.areas)[0]?.filter((a) => a === 'surface').length).toBe(7);
    expect(shape(l.medium.areas)).toEqual([['surface'], ['contour', 'side'], ['data', 'loss']]);
    expect(shape(l.narrow.areas).flat()).toEqual(['surface', 'side', 'contour', 'data', 'loss']);
  });

  it('gives a metrics-only lesson a large loss chart over an accuracy chart', () => {
    const l = roomLayout(['metrics'], { accuracy: true });
    expect(l.panels).toEqual(['loss', 'accuracy']);
    expect(shape(l.wide.areas)).toEqual([
      ['loss', 'side'],
      ['accuracy', 'side'],
    ]);
    expect(l.wide.rows.split(' minmax').length).toBe(2);
    expect(shape(l.medium.areas)).toEqual([['loss'], ['accuracy', 'side']]);
  });

  it('fills the page with the loss chart when there is no accuracy', () => {
    const l = roomLayout(['metrics'], { accuracy: false });
    expect(shape(l.wide.areas)).toEqual([['loss', 'side']]);
    expect(l.wide.rows).toBe('minmax(24rem, 1fr)');
  });

  it('puts data and loss side by side for regression lessons without a surface', () => {
    const l = roomLayout(['metrics', 'params', 'data', 'fit'], { accuracy: false });
    expect(shape(l.wide.areas)).toEqual([['data', 'loss', 'side']]);
    const acc = roomLayout(['metrics', 'data', 'fit'], { accuracy: true });
    expect(shape(acc.wide.areas)).toEqual([
      ['data', 'loss', 'side'],
      ['accuracy', 'side'],
    ]);
  });

  it('shares the bottom row three ways for a surface lesson with accuracy', () => {
    const l = roomLayout(['metrics', 'surface', 'path', 'data', 'fit'], { accuracy: true });
    expect(shape(l.wide.areas)[1]).toEqual(['data', 'loss', 'accuracy', 'side']);
    expect(rowsOf(l.wide.areas).every((r) => r.length === 13)).toBe(true);
  });

  it('shows a demo beside its controls', () => {
    const l = roomLayout(['panels'], { accuracy: false });
    expect(l.panels).toEqual(['demo']);
    expect(shape(l.wide.areas)).toEqual([['demo', 'side']]);
    expect(shape(l.narrow.areas).flat()).toEqual(['demo', 'side']);
    expect(l.narrow.rows).toBe('auto auto');
  });

  it('gives a training lesson’s views a full-width row of their own, below the charts', () => {
    const l = roomLayout(['metrics', 'panels'], { accuracy: true });
    expect(l.panels).toEqual(['loss', 'accuracy', 'demo']);
    expect(shape(l.wide.areas)).toEqual([
      ['loss', 'side'],
      ['accuracy', 'side'],
      ['demo', 'side'],
    ]);
    expect(l.wide.rows.split(' ').at(-1)).toBe('auto)');
    expect(shape(l.medium.areas)).toEqual([['loss'], ['accuracy', 'side'], ['demo']]);
    expect(shape(l.narrow.areas).flat()).toEqual(['loss', 'side', 'accuracy', 'demo']);
    const surface = roomLayout(['metrics', 'surface', 'path', 'data', 'fit', 'panels'], { accuracy: false });
    expect(shape(surface.wide.areas)).toEqual([
      ['surface', 'contour', 'side'],
      ['data', 'loss', 'side'],
      ['demo', 'side'],
    ]);
    expect(shape(surface.medium.areas)).toEqual([['surface'], ['contour', 'side'], ['data', 'loss'], ['demo']]);
  });

  it('ignores accuracy for a lesson without metrics', () => {
    expect(roomLayout(['panels'], { accuracy: true }).panels).toEqual(['demo']);
  });

  it('puts a loss landscape where the exact surface would go, beside the contour map that maps it', () => {
    const l = roomLayout(['metrics', 'path', 'landscape', 'panels'], { accuracy: true });
    expect(l.panels).toEqual(['landscape', 'contour', 'loss', 'accuracy', 'demo']);
    expect(shape(l.wide.areas)).toEqual([
      ['landscape', 'contour', 'side'],
      ['loss', 'accuracy', 'side'],
      ['demo', 'side'],
    ]);
    expect(rowsOf(l.wide.areas)[0]?.filter((a) => a === 'landscape').length).toBe(7);
    // The same fixed share of the screen as the surface row, the same phone order (3-D view, controls, map).
    expect(l.wide.rows.split(' ').slice(0, 2).join(' ')).toBe('minmax(24rem, 58vh)');
    expect(shape(l.medium.areas)).toEqual([['landscape'], ['contour', 'side'], ['loss', 'accuracy'], ['demo']]);
    expect(shape(l.narrow.areas).flat()).toEqual(['landscape', 'side', 'contour', 'loss', 'accuracy', 'demo']);
    // A lesson with both shows the landscape in the surface's place, not a second 3-D panel.
    expect(roomLayout(['surface', 'landscape', 'metrics'], { accuracy: false }).panels).toEqual(['landscape', 'contour', 'loss']);
  });

  it('folded controls (a member who may not change the run): on a phone, the main view, that line, then the curves', () => {
    const surface = roomLayout(['metrics', 'params', 'surface', 'path', 'data', 'fit'], { accuracy: false, folded: true });
    expect(shape(surface.narrow.areas).flat()).toEqual(['surface', 'side', 'loss', 'contour', 'data']);
    // The main view's row keeps its height; the others are as before.
    expect(surface.narrow.rows.split(' ').slice(0, 2).join(' ')).toBe('minmax(18rem, 70vw)');
    const landscape = roomLayout(['metrics', 'path', 'landscape', 'panels'], { accuracy: true, folded: true });
    expect(shape(landscape.narrow.areas).flat()).toEqual(['landscape', 'side', 'loss', 'accuracy', 'contour', 'demo']);
    // Wide and medium screens are unchanged.
    const open = roomLayout(['metrics', 'path', 'landscape', 'panels'], { accuracy: true });
    expect(landscape.wide).toEqual(open.wide);
    expect(landscape.medium).toEqual(open.medium);
    expect(shape(open.narrow.areas).flat()).toEqual(['landscape', 'side', 'contour', 'loss', 'accuracy', 'demo']);
  });
});
