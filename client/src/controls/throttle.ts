/**
 * Leading + trailing throttle: the first call runs at once, later calls inside `ms` collapse into one run
 * with the newest arguments when the window ends. Slider drags stream at most 1000/ms updates per second.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending trailing call (the caller is about to send the final value itself). */
  cancel(): void;
}

export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = (args: A): void => {
    last = Date.now();
    fn(...args);
  };
  const throttled = (...args: A): void => {
    const wait = last + ms - Date.now();
    if (wait <= 0 && timer === null) {
      run(args);
      return;
    }
    pending = args;
    timer ??= setTimeout(() => {
      timer = null;
      const next = pending;
      pending = null;
      if (next) run(next);
    }, Math.max(0, wait));
  };
  throttled.cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
