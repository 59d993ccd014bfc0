import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, field } from '@gradcast/shared';
import { readLandscape } from './landscape.ts';
import { landscapeFrame } from './testFrames.ts';

describe('readLandscape', () => {
  const bowl = (a: number, b: number): number => 0.5 + a * a + 2 * b * b;
  const path: [number, number, number, number][] = [
    [-0.8, 0.4, 2.1, 0.3],
    [-0.3, 0.1, 0.9, 0.12],
    [0, 0, 0.5, 0],
  ];

  it('round-trips a slice through the codec: grid, axes, meta and the path split into columns', () => {
    const frame = landscapeFrame({
      f: bowl,
      n: 17,
      range: [-1, 1, -0.5, 0.5],
      path,
      velocity: [0.2, -0.1],
      meta: { kind: 'trajectory', explained: '0.71|0.18', run: 'adam', live: false },
      generation: 3,
      step: 120,
    });
    const l = readLandscape(frame)!;
    expect(l).toMatchObject({
      nx: 17,
      ny: 17,
      resolution: 17,
      xMin: -1,
      xMax: 1,
      yMin: -0.5,
      yMax: 0.5,
      xLabel: 'α',
      yLabel: 'β',
      kind: 'trajectory',
      samples: 1000,
      run: 'adam',
      live: false,
      generation: 3,
      step: 120,
    });
    expect(l.explained![0]).toBeCloseTo(0.71, 12);
    expect(l.explained![1]).toBeCloseTo(0.18, 12);
    // z[j·n + i] at α_i, β_j; q16 keeps ≈ 1/65534 of the range (0.5 … 2.5)
    expect(l.z[0]).toBeCloseTo(bowl(-1, -0.5), 4);
    expect(l.z[16]).toBeCloseTo(bowl(1, -0.5), 4);
    expect(l.z[8 * 17 + 8]).toBeCloseTo(bowl(0, 0), 4);
    expect(l.z[16 * 17 + 3]).toBeCloseTo(bowl(-1 + 3 / 8, 0.5), 4);
    // Typed arrays, one per column, exactly the f32 values sent.
    expect(l.path.x).toBeInstanceOf(Float32Array);
    expect([...l.path.x]).toEqual(path.map((r) => Math.fround(r[0])));
    expect([...l.path.y]).toEqual(path.map((r) => Math.fround(r[1])));
    expect([...l.path.loss]).toEqual(path.map((r) => Math.fround(r[2])));
    expect([...l.path.distance]).toEqual(path.map((r) => Math.fround(r[3])));
    expect(l.velocity).toEqual([Math.fround(0.2), Math.fround(-0.1)]);
  });

  it('keeps non-finite grid values as NaN and defaults the optional parts', () => {
    const l = readLandscape(landscapeFrame({ f: (a) => (a > 0.5 ? Infinity : 1 + a), meta: { live: true } }))!;
    expect(Number.isNaN(l.z[8])).toBe(true); // α = 1
    expect(l.z[0]).toBeCloseTo(0, 4);
    expect(l).toMatchObject({ kind: 'random', explained: null, run: null, runs: [], runIndex: null, others: [], velocity: null, live: true });
  });

  it('refuses a frame whose grid is not square or whose path is not [k, 4] rows', () => {
    const bad = (fields: Record<string, ReturnType<typeof field>>) =>
      readLandscape(decodeFrame(encodeFrame({ channel: 'landscape', generation: 1, step: 0, meta: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 }, fields })));
    expect(bad({ z: field('q16', new Float32Array(6), [2, 3]) })).toBeNull();
    expect(bad({ z: field('q16', new Float32Array(4), [2, 2]), path: field('f32', new Float32Array(6), [2, 3]) })).toBeNull();
    // No path at all: the slice still draws, with an empty path.
    expect(bad({ z: field('q16', new Float32Array(4), [2, 2]) })?.path.x.length).toBe(0);
    // Another channel's frame is not a landscape.
    expect(readLandscape({ ...landscapeFrame(), channel: 'surface' })).toBeNull();
  });

  it('groups the other runs’ points by run, in run order, oldest first, named from meta.runs', () => {
    const l = readLandscape(
      landscapeFrame({
        meta: { kind: 'runs', run: 'sgd', runs: 'sgd|momentum|adam' },
        others: [
          [2, 0.1, 0.9, 1.5, 0.2],
          [1, 0, 0.2, 2.0, 0],
          [2, 0.2, 1.1, 1.2, 0.3],
          [1, 0, 0.5, 1.8, 0],
        ],
      }),
    )!;
    expect(l.runs).toEqual(['sgd', 'momentum', 'adam']);
    expect(l.runIndex).toBe(0);
    expect(l.others.map((o) => [o.index, o.run])).toEqual([
      [1, 'momentum'],
      [2, 'adam'],
    ]);
    const [momentum, adam] = l.others;
    expect(momentum!.x).toBeInstanceOf(Float32Array);
    expect([...momentum!.y]).toEqual([0.2, 0.5].map(Math.fround));
    expect([...momentum!.loss]).toEqual([2.0, 1.8].map(Math.fround));
    expect([...adam!.x]).toEqual([0.1, 0.2].map(Math.fround));
    expect([...adam!.distance]).toEqual([0.2, 0.3].map(Math.fround));
  });

  it('names a run the frame does not label by its number, and ignores an `others` it cannot read', () => {
    const unnamed = readLandscape(landscapeFrame({ meta: { run: 'a', runs: 'a|b' }, others: [[3, 0, 0, 1, 0]] }))!;
    expect(unnamed.others.map((o) => o.run)).toEqual(['run 4']);
    // A run index that is no whole number ≥ 0: the field is ignored, the slice kept.
    const badRun = readLandscape(landscapeFrame({ others: [[0.5, 0, 0, 1, 0]] }));
    expect(badRun?.others).toEqual([]);
    expect(readLandscape(landscapeFrame({ others: [[-1, 0, 0, 1, 0]] }))?.others).toEqual([]);
    // Not [m, 5] rows.
    const wrongDims = landscapeFrame();
    wrongDims.fields['others'] = field('f32', new Float32Array(8), [2, 4]);
    expect(readLandscape(wrongDims)?.others).toEqual([]);
    // A label that is not among the runs: no index.
    expect(readLandscape(landscapeFrame({ meta: { run: 'z', runs: 'a|b' } }))?.runIndex).toBeNull();
  });
});
