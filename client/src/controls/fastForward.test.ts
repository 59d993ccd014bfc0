import { FAST_FORWARD_MAX_STEPS, type FastForwardEnded } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { endedText, forwardFraction, progressText, readTarget, targetText } from './fastForward.ts';

const by = { name: 'Ada', role: 'presenter' as const };

describe('readTarget', () => {
  it('reads a step ahead of the run, or an epoch', () => {
    expect(readTarget('step', ' 5,000 ', 800)).toEqual({ ok: true, target: { toStep: 5000 } });
    expect(readTarget('step', '801', 800)).toEqual({ ok: true, target: { toStep: 801 } });
    expect(readTarget('epoch', '3', 800)).toEqual({ ok: true, target: { toEpoch: 3 } });
  });

  it('says why a text is no target', () => {
    for (const text of ['', 'abc', '2.5', '-3', '1e4']) expect(readTarget('step', text, 0)).toMatchObject({ ok: false, message: /whole number/ });
    expect(readTarget('epoch', '0', 0)).toEqual({ ok: false, message: 'The epoch must be 1 or more.' });
    expect(readTarget('step', '800', 800)).toEqual({ ok: false, message: 'The run is at step 800 already: choose a later step.' });
    expect(readTarget('step', String(801 + FAST_FORWARD_MAX_STEPS), 800)).toMatchObject({ ok: false, message: /At most 1,000,000 steps ahead/ });
    expect(readTarget('step', String(800 + FAST_FORWARD_MAX_STEPS), 800)).toMatchObject({ ok: true });
  });
});

describe('progress and notice', () => {
  it('shows where it goes and how far it is', () => {
    const f = { from: 800, to: 5000, by };
    expect(targetText(f)).toBe('step 5,000');
    expect(targetText({ to: 4800, epoch: 8 })).toBe('the end of epoch 8 (step 4,800)');
    expect(progressText(f, 3404)).toBe('Fast-forwarding to step 5,000: 62%');
    expect(progressText(f, 4999)).toBe('Fast-forwarding to step 5,000: 99%');
    expect(forwardFraction(f, 100)).toBe(0);
    expect(forwardFraction(f, 6000)).toBe(1);
  });

  it('tells how it ended', () => {
    const base: FastForwardEnded = { from: 800, to: 5000, by, outcome: 'done', step: 5000, generation: 1, seconds: 3.1 };
    expect(endedText(base)).toBe('Fast-forwarded 4,200 steps to step 5,000 in 3.1 s');
    expect(endedText({ ...base, to: 4800, step: 4800, epoch: 8, seconds: 2 })).toBe('Fast-forwarded 4,000 steps to the end of epoch 8 (step 4,800) in 2.0 s');
    expect(endedText({ ...base, outcome: 'cancelled', step: 2345, reason: 'cancelled by pause' })).toBe(
      'Fast-forward to step 5,000 cancelled at step 2,345 (cancelled by pause)',
    );
    expect(endedText({ ...base, outcome: 'stopped', step: 900, reason: 'the run diverged at step 900' })).toBe(
      'Fast-forward to step 5,000 stopped at step 900 (the run diverged at step 900)',
    );
  });
});
