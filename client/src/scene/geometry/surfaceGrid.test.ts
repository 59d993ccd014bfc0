import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, field } from '@gradcast/shared';
import { columnValue, rowValue, worldX, worldY, WORLD_HALF } from './surfaceGrid.ts';
import { readPlaneGrid } from '../../net/planeGrid.ts';
import { sampleGrid, surfaceFrame } from './testGrids.ts';

describe('readPlaneGrid', () => {
  const range: [number, number, number, number] = [-15, 15, -10, 10];
  const frame = surfaceFrame(sampleGrid((w, b) => w + b, 4, 3, range), 4, 3, range);

  it('reads dims [ny, nx], ranges and labels from the frame', () => {
    const g = readPlaneGrid(frame);
    expect(g).not.toBeNull();
    expect(g).toMatchObject({ nx: 4, ny: 3, xMin: -15, xMax: 15, yMin: -10, yMax: 10, xLabel: 'w', yLabel: 'b' });
  });

  it('maps the grid corners to the world square and back to parameters', () => {
    const g = readPlaneGrid(frame)!;
    expect(worldX(g, columnValue(g, 0))).toBeCloseTo(-WORLD_HALF, 12);
    expect(worldX(g, columnValue(g, 3))).toBeCloseTo(WORLD_HALF, 12);
    expect(worldY(g, rowValue(g, 2))).toBeCloseTo(WORLD_HALF, 12);
    expect(worldY(g, 0)).toBeCloseTo(0, 12);
  });

  it('refuses frames without a usable 2-D z', () => {
    const bad = (fields: Parameters<typeof field>[], meta = {}) =>
      readPlaneGrid(
        decodeFrame(
          encodeFrame({
            channel: 'surface',
            generation: 1,
            step: 0,
            meta,
            fields: Object.fromEntries(fields.map((f, k) => [k === 0 ? 'z' : `f${k}`, field(...f)])),
          }),
        ),
      );
    expect(bad([['f32', new Float32Array(6)]])).toBeNull(); // 1-D
    expect(bad([['f32', new Float32Array(3), [3, 1]]])).toBeNull(); // a single column
    expect(bad([['f32', new Float32Array(4), [2, 2]]], { xMin: 1, xMax: 1 })).toBeNull(); // zero-width range
    expect(bad([])).toBeNull();
  });
});
