import { describe, expect, it } from 'vitest';
import { field, type DemoPanel, type Frame } from '@gradcast/shared';
import { matrixOf, parseLayout, sectionsOf } from './layout.ts';

const frame = (layout: unknown): Frame => ({
  channel: 'panels',
  generation: 1,
  step: 0,
  meta: { layout: typeof layout === 'string' ? layout : JSON.stringify(layout) },
  fields: {},
});

describe('parseLayout', () => {
  it('reads the panels and skips entries that are not panels', () => {
    const layout = [
      { kind: 'grid', title: 'Input', field: 'input' },
      { kind: 'hologram', title: 'x' },
      { title: 'no kind' },
      { kind: 'text', title: 'Size', text: 'n' },
      { kind: 'tiles', title: 'Templates', field: 'w' },
      { kind: 'regions', title: 'Regions', field: 'cls' },
      { kind: 'histogram', title: 'Activations', field: 'h' },
      { kind: 'scatter', title: 'Embedding', field: 'e' },
      { kind: 'network', title: 'Graph', field: 'net.w', sizes: [1, 2, 1] },
    ];
    expect(parseLayout(frame(layout)).map((p) => p.title)).toEqual([
      'Input',
      'Size',
      'Templates',
      'Regions',
      'Activations',
      'Embedding',
      'Graph',
    ]);
  });
  it('is empty for a missing or broken layout', () => {
    expect(parseLayout(undefined)).toEqual([]);
    expect(parseLayout(frame('{not json'))).toEqual([]);
    expect(parseLayout(frame({ kind: 'grid' }))).toEqual([]);
  });
});

describe('sectionsOf', () => {
  it('puts a group side by side under its name and gives ungrouped panels their own section', () => {
    const panels: DemoPanel[] = [
      { kind: 'grid', title: 'Input', field: 'input', group: 'convolution' },
      { kind: 'grid', title: 'Kernel', field: 'kernel', group: 'convolution' },
      { kind: 'text', title: 'Output size', text: '…' },
      { kind: 'grid', title: 'Output', field: 'output', group: 'convolution' },
    ];
    const s = sectionsOf(panels);
    expect(s.map((x) => [x.heading, x.grouped, x.panels.map((p) => p.title)])).toEqual([
      ['Convolution', true, ['Input', 'Kernel', 'Output']],
      ['Output size', false, ['Output size']],
    ]);
  });
});

describe('matrixOf', () => {
  it('reads 2-D fields as they are and 1-D fields as one row', () => {
    expect(matrixOf(field('f32', new Float32Array(6), [2, 3]))).toMatchObject({ rows: 2, cols: 3 });
    expect(matrixOf(field('f32', new Float32Array(4)))).toMatchObject({ rows: 1, cols: 4 });
    expect(matrixOf(field('f32', new Float32Array(0), [0, 0]))).toMatchObject({ rows: 0, cols: 0 });
  });
  it('folds extra dims into the columns and refuses a shape that does not match', () => {
    expect(matrixOf(field('f32', new Float32Array(12), [2, 3, 2]))).toMatchObject({ rows: 2, cols: 6 });
    expect(matrixOf({ dtype: 'f32', dims: [2, 2], data: new Float32Array(3) })).toBeNull();
    expect(matrixOf(undefined)).toBeNull();
  });
});
