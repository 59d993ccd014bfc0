import { field } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import type { DemoView } from '@gradcast/shared';
import { mergeViews, viewsFrame } from './views.ts';

const view = (w: number): DemoView => ({
  fields: { W: field('f32', Float32Array.of(w, w)), edges: field('f32', Float32Array.of(0, 1, 2)) },
  layout: [
    { kind: 'histogram', title: 'Weights', field: 'W', x: 'edges' },
    { kind: 'grid', title: 'W', field: 'W', group: 'layer 1' },
  ],
});

describe('mergeViews', () => {
  it('passes a single run through unchanged', () => {
    const v = view(1);
    expect(mergeViews([v], ['run'])).toBe(v);
  });

  it('puts the variants’ same-titled panels side by side under that title, with fields renamed per variant', () => {
    const m = mergeViews([view(1), null, view(3)], ['σ', 'tanh', 'ReLU']);
    expect(Object.keys(m.fields).sort()).toEqual(['v0.W', 'v0.edges', 'v2.W', 'v2.edges']);
    expect(m.fields['v2.W']!.data[0]).toBe(3);
    expect(m.layout.map((p) => [p.group, p.title, p.field, p.x])).toEqual([
      ['Weights', 'σ', 'v0.W', 'v0.edges'],
      ['Weights', 'ReLU', 'v2.W', 'v2.edges'],
      ['layer 1 · W', 'σ', 'v0.W', undefined],
      ['layer 1 · W', 'ReLU', 'v2.W', undefined],
    ]);
  });

  it('keeps a panel that describes every run once, under its own title', () => {
    const summary: DemoView = {
      fields: { s: field('f32', Float32Array.of(1, 2)) },
      layout: [{ kind: 'series', title: 'loss vs lr', field: 's' }],
      common: ['loss vs lr'],
    };
    const m = mergeViews([{ ...view(1), fields: { ...view(1).fields, ...summary.fields }, layout: [...view(1).layout, ...summary.layout], common: summary.common }, view(2)], ['a', 'b']);
    const found = m.layout.filter((p) => p.title === 'loss vs lr');
    expect(found).toEqual([{ kind: 'series', title: 'loss vs lr', field: 'v0.s' }]);
    expect(m.layout.filter((p) => p.group === 'Weights').map((p) => p.title)).toEqual(['a', 'b']);
  });

  it('makes a panels frame carrying the layout as JSON', () => {
    const f = viewsFrame(view(2), 4, 17);
    expect([f.channel, f.generation, f.step]).toEqual(['panels', 4, 17]);
    expect(JSON.parse(String(f.meta.layout))).toHaveLength(2);
  });
});
