/**
 * How this viewer reads the curves (never sent: each viewer of a room chooses alone): the smoothing weight of the
 * loss and accuracy charts, and the comparison runs hidden by a click on a legend entry. One object for the page,
 * because the charts, the surface views and the model's small multiples are siblings that must agree (a run hidden
 * in the loss legend leaves the accuracy chart, the optimizer paths and its panels too); it holds view choices
 * only, no server state (that is the Session's).
 */
import { SvelteSet } from 'svelte/reactivity';
import { runKey } from './runVisibility.ts';
import { DEFAULT_SMOOTHING, MAX_SMOOTHING } from './smoothing.ts';

/** How the loss is smoothed: a moving average (`smoothing` its weight), or one mean per epoch. */
export type SmoothingMode = 'ema' | 'epoch';

export class CurveView {
  /** EMA weight in [0, MAX_SMOOTHING]; 0 draws the raw curves only. */
  #smoothing = $state(DEFAULT_SMOOTHING);
  /** Per-epoch means where the chart knows the epochs' ends, else the EMA. */
  mode = $state<SmoothingMode>('ema');
  /** Keys (runVisibility.runKey) of the hidden runs. */
  readonly #hidden = new SvelteSet<string>();

  get smoothing(): number {
    return this.#smoothing;
  }
  set smoothing(w: number) {
    this.#smoothing = Number.isFinite(w) ? Math.min(MAX_SMOOTHING, Math.max(0, w)) : 0;
  }

  get hidden(): ReadonlySet<string> {
    return this.#hidden;
  }

  isHidden(index: number, label: string): boolean {
    return this.#hidden.has(runKey(index, label));
  }

  toggle(index: number, label: string): void {
    const key = runKey(index, label);
    if (!this.#hidden.delete(key)) this.#hidden.add(key);
  }
}

/** The page's one reading of the curves. */
export const curveView = new CurveView();
