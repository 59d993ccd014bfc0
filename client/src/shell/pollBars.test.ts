import { describe, expect, it } from 'vitest';
import { percent, pollBars } from './pollBars.ts';

describe('pollBars', () => {
  it('gives each answer its count, share and whether it leads', () => {
    const bars = pollBars(['down', 'oscillates', 'diverges'], [1, 3, 3]);
    expect(bars.map((b) => b.count)).toEqual([1, 3, 3]);
    expect(bars.map((b) => percent(b.share))).toEqual(['14%', '43%', '43%']);
    expect(bars.map((b) => b.top)).toEqual([false, true, true]);
  });
  it('no answers, or no counts yet: zero shares and no leader', () => {
    expect(pollBars(['a', 'b'], [0, 0]).map((b) => [b.share, b.top])).toEqual([[0, false], [0, false]]);
    expect(pollBars(['a', 'b'], null).map((b) => b.count)).toEqual([0, 0]);
  });
});
