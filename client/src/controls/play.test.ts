import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAY_STEP_MS, createPlayer, nextPlayValue, playStartValue } from './play.ts';

describe('nextPlayValue / playStartValue', () => {
  const range = { min: 0, max: 3 };

  it('steps by one up to max, then around again from min', () => {
    expect(nextPlayValue(0, range)).toBe(1);
    expect(nextPlayValue(2, range)).toBe(3);
    expect(nextPlayValue(3, range)).toBe(0);
    expect(nextPlayValue(5, range)).toBe(0);
  });

  it('honours the step and goes back to min from below the range', () => {
    expect(nextPlayValue(2, { min: 0, max: 10, step: 2 })).toBe(4);
    expect(nextPlayValue(9, { min: 0, max: 10, step: 2 })).toBe(0);
    expect(nextPlayValue(-4, range)).toBe(0);
  });

  it('starts where it is, or restarts at min from max (or an unknown value)', () => {
    expect(playStartValue(1, range)).toBeNull();
    expect(playStartValue(3, range)).toBe(0);
    expect(playStartValue(undefined, range)).toBe(0);
  });
});

describe('createPlayer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fake server: applies each sent value after `delay` ms (0: at once). */
  function setup(start: number, { max = 3, delay = 0, accept = true } = {}) {
    let value: number | undefined = start;
    const sent: number[] = [];
    const states: boolean[] = [];
    const player = createPlayer({
      current: () => value,
      range: () => ({ min: 0, max, step: 1 }),
      send: (v) => {
        sent.push(v);
        return new Promise((resolve) =>
          setTimeout(() => {
            if (accept) value = v;
            resolve(accept);
          }, delay),
        );
      },
      onPlayingChange: (p) => states.push(p),
    });
    return { player, sent, states, setValue: (v: number) => (value = v) };
  }

  it('sends value + 1 every step, around again from min after max, until stopped', async () => {
    const { player, sent, states } = setup(1);
    player.start();
    expect(player.playing).toBe(true);
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS);
    expect(sent).toEqual([2]);
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS);
    expect(sent).toEqual([2, 3]);
    await vi.advanceTimersByTimeAsync(2 * PLAY_STEP_MS);
    expect(sent).toEqual([2, 3, 0, 1]);
    expect(player.playing).toBe(true);
    player.stop();
    await vi.advanceTimersByTimeAsync(5 * PLAY_STEP_MS);
    expect(sent).toEqual([2, 3, 0, 1]);
    expect(states).toEqual([true, false]);
  });

  it('restarts at min when started at max', async () => {
    const { player, sent } = setup(3);
    player.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([0]);
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS);
    expect(sent).toEqual([0, 1]);
    player.stop();
  });

  it('never sends while the previous send is pending', async () => {
    const { player, sent } = setup(0, { max: 10, delay: 1000 });
    player.start();
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS); // sends 1, answered at 1600 ms
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS); // 1200 ms: still pending, skipped
    expect(sent).toEqual([1]);
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS); // 1800 ms: 1 applied, sends 2
    expect(sent).toEqual([1, 2]);
    player.stop();
  });

  it('follows a change made by someone else', async () => {
    const { player, sent, setValue } = setup(0, { max: 10 });
    player.start();
    setValue(6);
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS);
    expect(sent).toEqual([7]);
    player.stop();
  });

  it('stops on stop(), and on a refused send', async () => {
    const a = setup(0, { max: 10 });
    a.player.toggle();
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS);
    a.player.toggle();
    expect(a.player.playing).toBe(false);
    await vi.advanceTimersByTimeAsync(5 * PLAY_STEP_MS);
    expect(a.sent).toEqual([1]);

    const b = setup(0, { max: 10, accept: false });
    b.player.start();
    await vi.advanceTimersByTimeAsync(PLAY_STEP_MS + 1); // the refusal comes back just after the send
    expect(b.sent).toEqual([1]);
    expect(b.player.playing).toBe(false);
    expect(b.states).toEqual([true, false]);
  });
});
