/**
 * "Play" for an integer demo control (LessonOption.animate): steps the value by one step every PLAY_STEP_MS, one
 * `options:set` at a time (a tick while the previous send is pending is skipped), from the current value up to max,
 * then around again from min, until stopped: an animation plays on until the presenter pauses it (ch09-01's and
 * ch09-02's windows also wrap past their last cell on the server). Starting past max restarts from min. Any
 * refused send stops it. Pure logic with an
 * injectable timer, so it is tested without a browser; NumberControl owns one and stops it when the member
 * changes the value by hand, loses control of the room, or the control unmounts.
 */

/** Time between two steps while playing. */
export const PLAY_STEP_MS = 600;

export interface PlayRange {
  min: number;
  max: number;
  /** Step between two values (integers: 1). */
  step?: number;
}

/** The value after `value` while playing: one step up, back to min past max (or from outside the range). */
export function nextPlayValue(value: number, { min, max, step = 1 }: PlayRange): number {
  const s = step > 0 ? step : 1;
  if (!Number.isFinite(value) || value < min) return min;
  const next = value + s;
  return next > max ? min : next;
}

/** The first value to send when play starts: none (just wait a step) unless the value is at or past max (restart at min) or unknown. */
export function playStartValue(value: number | undefined, { min, max }: PlayRange): number | null {
  if (value === undefined || !Number.isFinite(value) || value >= max || value < min) return min;
  return null;
}

export interface PlayerOptions {
  /** The current, server-confirmed value (another member's change is followed). */
  current: () => number | undefined;
  range: () => PlayRange;
  /** Sends a value; resolves whether the server accepted it. */
  send: (value: number) => Promise<boolean>;
  /** Called whenever playing starts or stops. */
  onPlayingChange?: (playing: boolean) => void;
  stepMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export interface Player {
  readonly playing: boolean;
  start(): void;
  stop(): void;
  toggle(): void;
}

export function createPlayer(options: PlayerOptions): Player {
  const set = options.setInterval ?? ((fn, ms) => globalThis.setInterval(fn, ms));
  const clear = options.clearInterval ?? ((h) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>));
  let handle: unknown;
  let playing = false;
  let pending = false;
  /** Bumped on every start/stop, so a send that resolves after a stop (or a restart) is ignored. */
  let run = 0;

  function sendStep(value: number): void {
    pending = true;
    const mine = run;
    options.send(value).then(
      (ok) => {
        if (mine !== run) return;
        pending = false;
        if (!ok) stop();
      },
      () => {
        if (mine !== run) return;
        pending = false;
        stop();
      },
    );
  }

  function tick(): void {
    if (!playing || pending) return;
    const value = options.current();
    sendStep(value === undefined ? options.range().min : nextPlayValue(value, options.range()));
  }

  function start(): void {
    if (playing) return;
    playing = true;
    pending = false;
    run++;
    options.onPlayingChange?.(true);
    const first = playStartValue(options.current(), options.range());
    if (first !== null) sendStep(first);
    handle = set(tick, options.stepMs ?? PLAY_STEP_MS);
  }

  function stop(): void {
    if (!playing) return;
    playing = false;
    pending = false;
    run++;
    clear(handle);
    handle = undefined;
    options.onPlayingChange?.(false);
  }

  return {
    get playing() {
      return playing;
    },
    start,
    stop,
    toggle: () => (playing ? stop() : start()),
  };
}
