import { describe, expect, it } from 'vitest';
import type { DemoPanel } from '@gradcast/shared';
import { VARIANT_COLORS } from '../charts/palette.ts';
import { panelRun } from './panelRun.ts';

const panel = (p: Partial<DemoPanel>): DemoPanel => ({ kind: 'histogram', title: 't', ...p });

describe('panelRun', () => {
  it("reads a comparison run's index from its fields' prefix, with the charts' colour for it", () => {
    // ch08-06: the He + ReLU run (index 2) of "weights per layer".
    const r = panelRun(panel({ field: 'v2.weights', title: 'He + ReLU', group: 'weights per layer' }));
    expect(r).toEqual({ index: 2, label: 'He + ReLU', color: VARIANT_COLORS[2] });
    expect(panelRun(panel({ field: 'v0.acts', title: 'default + tanh', group: 'acts' }))?.color).toBe(VARIANT_COLORS[0]);
  });

  it('is null for a single run, a panel common to all runs (no group), and a panel without a field', () => {
    expect(panelRun(panel({ field: 'weights', group: 'g' }))).toBeNull();
    // ch03-03's loss-vs-lr panel: computed by run 0, drawn once under its own title.
    expect(panelRun(panel({ field: 'v0.byLr', title: 'training and validation loss vs lr' }))).toBeNull();
    expect(panelRun(panel({ kind: 'text', group: 'g' }))).toBeNull();
  });
});
