import { describe, expect, it } from 'vitest';
import { field, type DemoPanel, type Frame } from '@gradcast/shared';
import { lineColors, NEUTRAL_LINES, pointsName, seriesLines } from './seriesLines.ts';

const frame: Frame = {
  channel: 'panels',
  generation: 1,
  step: 0,
  meta: {},
  fields: {
    loss: field('f32', Float32Array.from([3, 2, 1])),
    val: field('f32', Float32Array.from([4, 3, 2])),
    a: field('f32', Float32Array.from([1, 1, 1])),
  },
};

describe('seriesLines', () => {
  it('orders field, y2, lines and names them by position', () => {
    const names = ['train', 'validation', 'A'];
    const p: DemoPanel = { kind: 'series', title: 'Loss', field: 'loss', y2: 'val', lines: ['a'], names };
    expect(seriesLines(p, frame).map((l) => l.name)).toEqual(['train', 'validation', 'A']);
    expect(Array.from(seriesLines(p, frame)[1]!.values)).toEqual([4, 3, 2]);
  });
  it('falls back to field names, and leaves out missing fields without shifting the others’ names', () => {
    const p: DemoPanel = { kind: 'series', title: 'Loss', field: 'loss', lines: ['gone', 'a'], names: ['train', 'G'] };
    expect(seriesLines(p, frame).map((l) => l.name)).toEqual(['train', 'a']);
    expect(seriesLines({ kind: 'series', title: 'x', field: 'loss' }, frame).map((l) => l.name)).toEqual(['loss']);
  });
  it('gives an absent y2 no name: the names go to the lines the panel has', () => {
    const names = ['w²', 'wiggly', '|w|'];
    const p: DemoPanel = { kind: 'series', title: 'Loss', field: 'loss', lines: ['val', 'a'], names };
    expect(seriesLines(p, frame).map((l) => l.name)).toEqual(['w²', 'wiggly', '|w|']);
  });
});

describe('pointsName', () => {
  const series = (more: Partial<DemoPanel>): DemoPanel => ({ kind: 'series', title: 'x', field: 'loss', ...more });
  it('is the names entry after the lines', () => {
    expect(pointsName(series({ y2: 'val', points: 'p', names: ['a', 'b', 'path'] }))).toBe('path');
    expect(pointsName(series({ lines: ['a'], points: 'p', names: ['a', 'b', 'path'] }))).toBe('path');
    expect(pointsName(series({ points: 'p', names: ['a'] }))).toBeUndefined();
    expect(pointsName(series({ names: ['a', 'b'] }))).toBeUndefined();
  });
});

describe('lineColors', () => {
  const palette = ['#E69F00', '#56B4E9', '#009E73'];
  it('follows the palette outside a comparison run', () => {
    expect(lineColors(2, palette)).toEqual(['#E69F00', '#56B4E9']);
  });
  it("gives a run's panel its own line in the run's colour and greys for the rest", () => {
    // ch03-03, run lr = 0.01 (sky blue): its fit ŷ in sky blue, the true line grey, not the palette's sky blue.
    const c = lineColors(2, palette, '#56B4E9');
    expect(c[0]).toBe('#56B4E9');
    expect(c[1]).toBe(NEUTRAL_LINES[0]);
    expect(palette).not.toContain(c[1]);
  });
});
