import { describe, expect, it } from 'vitest';
import { readLandscape } from '../net/landscape.ts';
import { landscapeFrame } from '../net/testFrames.ts';
import { normalise } from './geometry/heightScale.ts';
import { sampleGrid, surfaceFrame } from './geometry/testGrids.ts';
import { VARIANT_COLORS, SINGLE_PATH_COLOR } from '../charts/palette.ts';
import { sceneGrid, scenePaths, sceneScale, shownPaths } from './sceneSource.ts';

describe('sceneSource', () => {
  const range: [number, number, number, number] = [-1, 1, -1, 1];
  const surface = surfaceFrame(sampleGrid((w, b) => w * w + b * b, 5, 5, range), 5, 5, range);
  const l = readLandscape(
    landscapeFrame({
      f: (a, b) => 1 + a * a + b * b,
      path: [
        [0.5, 0.5, 4, 0.2], // off the plane, above the whole slice (1 … 3)
        [0, 0, 1, 0],
      ],
      velocity: [1, 0],
    }),
  )!;

  it('draws the landscape when there is one, the surface and runs otherwise', () => {
    expect(sceneGrid(surface, l)).toBe(l);
    expect(sceneGrid(surface, undefined)?.nx).toBe(5);
    expect(sceneGrid(undefined, null)).toBeNull();
    const runs = [{ x: new Float32Array(1), y: new Float32Array(1), loss: new Float32Array(1), color: 'red', label: '' }];
    expect(scenePaths(undefined, runs)).toBe(runs);
    const [own] = scenePaths(l, runs);
    expect(own).toMatchObject({ x: l.path.x, y: l.path.y, loss: l.path.loss, atTrueLoss: true, velocity: l.velocity });
  });

  it('scales a landscape over its path’s true losses too, log heights on request', () => {
    const s = sceneScale(l, l, false)!;
    // The path's 4 is the top, not clamped onto the slice's highest corner (3).
    expect(normalise(s, 4)).toBe(1);
    expect(normalise(s, 3)).toBeLessThan(0.9);
    expect(normalise(s, 1)).toBe(0);
    expect(sceneScale(l, l, true)?.floor).toBeDefined();
    expect(sceneScale(sceneGrid(surface, undefined), undefined, true)?.floor).toBeUndefined(); // the exact surface keeps its heights
  });

  it('draws a comparison’s other runs on the plane in their chart colours, its own path last and in its colour', () => {
    const c = readLandscape(
      landscapeFrame({
        f: (a, b) => 1 + a * a + b * b,
        path: [[0, 0, 1, 0]],
        others: [
          [0, 0.2, 0.1, 1.2, 0.1],
          [2, 0.5, 0.5, 6, 0.2], // above the whole slice and the own path
          [2, 0.4, 0.4, 5, 0.1],
        ],
        meta: { run: 'b', runs: 'a|b|c' },
      }),
    )!;
    const drawn = scenePaths(c, []);
    expect(drawn.map((p) => [p.label, p.color, p.atTrueLoss])).toEqual([
      ['a', VARIANT_COLORS[0], true],
      ['c', VARIANT_COLORS[2], true],
      ['b', VARIANT_COLORS[1], true],
    ]);
    expect([...drawn[1]!.loss]).toEqual([6, 5]);
    expect(drawn[2]!.velocity).toBeNull();
    // The other runs' true losses are in the scale too: 6 is the top.
    expect(normalise(sceneScale(c, c, false)!, 6)).toBe(1);
    // A single run keeps the page's path colour.
    expect(scenePaths(l, []).map((p) => p.color)).toEqual([SINGLE_PATH_COLOR]);
  });
});

describe('shownPaths', () => {
  const path = (label: string, run?: number) => ({
    x: new Float32Array(1),
    y: new Float32Array(1),
    loss: new Float32Array(1),
    color: 'red',
    label,
    ...(run !== undefined ? { run } : {}),
  });

  it("leaves out the runs hidden in a legend, named by index and label as the loss chart names them", () => {
    const paths = [path('lr = 0.1'), path('lr = 0.01'), path('')];
    const hidden = new Set(['1|lr = 0.01', '2|run 3']);
    const shown = shownPaths(paths, (k, label) => hidden.has(`${k}|${label}`));
    expect(shown.map((p) => p.label)).toEqual(['lr = 0.1']);
  });

  it("uses a landscape path's own run index, not its place in the list", () => {
    // The other runs first, then the plane's own run (run 0) last.
    const paths = [path('b', 1), path('a', 0)];
    expect(shownPaths(paths, (k) => k === 0).map((p) => p.label)).toEqual(['b']);
  });

  it('always shows a single run, and returns the same list when nothing is hidden', () => {
    const one = [path('')];
    expect(shownPaths(one, () => true)).toBe(one);
    const two = [path('a'), path('b')];
    expect(shownPaths(two, () => false)).toBe(two);
  });
});
