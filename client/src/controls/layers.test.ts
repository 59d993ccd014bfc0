/** The layer-list editor's pure logic against the course's numbers (173, 303, 283 parameters) and the shared limits. */
import type { LayerLimits } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { draftOf, hiddenOf, paramCount, unitsOk, withLayer, withoutLayer } from './layers.ts';

/** ch08-02's limits: 2 in, 3 out, 1–6 hidden layers of 1–128 units. */
const limits: LayerLimits = { input: 2, output: 3, minHidden: 1, maxHidden: 6, minUnits: 1, maxUnits: 128 };

describe('layer list editor logic', () => {
  it('counts the course’s parameters: 173, 303 and 283', () => {
    expect(paramCount([2, 10, 10, 3])).toBe(173);
    expect(paramCount([2, 50, 3])).toBe(303);
    expect(paramCount([2, 10, 10, 10, 3])).toBe(283);
    expect(paramCount([784, 100, 200, 100, 10])).toBe(119_810); // ch08-06, the course's largest
    expect(paramCount([5])).toBe(0);
  });

  it('reads a confirmed list’s hidden widths, and nothing from one outside the limits', () => {
    expect(hiddenOf('2-10-10-3', limits)).toEqual([10, 10]);
    expect(hiddenOf('2-50-3', limits)).toEqual([50]);
    expect(hiddenOf('2-500-3', limits)).toBeNull();
    expect(hiddenOf(undefined, limits)).toBeNull();
    expect(hiddenOf('2-10-3', undefined)).toBeNull();
  });

  it('spells a draft as the canonical list, reading away spaces and leading zeros', () => {
    expect(draftOf(['16', '8', '8'], limits)).toEqual({ value: '2-16-8-8-3', sizes: [2, 16, 8, 8, 3], problem: '' });
    expect(draftOf([' 010 ', '0007'], limits)).toMatchObject({ value: '2-10-7-3', problem: '' });
  });

  it('says why a draft cannot be sent: not a number, the shared limits', () => {
    for (const t of ['', ' ', '1.5', '-3', '1e2', 'ten']) {
      expect(draftOf(['10', t], limits), JSON.stringify(t)).toEqual({ value: '', sizes: null, problem: 'hidden layer 2: enter a whole number of units' });
    }
    expect(draftOf(['10', '500'], limits)).toMatchObject({ sizes: null, problem: 'hidden layer 2 has 500 units, at most 128' });
    expect(draftOf(['0'], limits).problem).toBe('hidden layer 1 has 0 units, at least 1');
    expect(draftOf([], limits).problem).toBe('expected 1 to 6 hidden layers between input and output, got 0');
    expect(draftOf(Array(7).fill('4'), limits).problem).toMatch(/got 7/);
    expect(draftOf(['10'], undefined).problem).toMatch(/no layer limits/);
  });

  it('adds a layer copying the last width (10 when there is none), removes the last, within the counts', () => {
    expect(withLayer(['16', '8'], limits)).toEqual(['16', '8', '8']);
    expect(withLayer([], limits)).toEqual(['10']);
    expect(withLayer(['x'], limits)).toEqual(['x', '10']);
    expect(withLayer(Array(6).fill('4'), limits)).toHaveLength(6);
    expect(withoutLayer(['16', '8'], limits)).toEqual(['16']);
    expect(withoutLayer(['16'], limits)).toEqual(['16']);
  });
});

describe('one box', () => {
  it('is fine with a whole number of units within the limits', () => {
    expect(['1', '128', ' 64 ', '010'].map((t) => unitsOk(t, limits))).toEqual([true, true, true, true]);
    expect(['0', '129', '', '2.5', '-1', 'x'].map((t) => unitsOk(t, limits))).toEqual(Array(6).fill(false));
  });
});
