/**
 * Helpers for the comparison lessons (issue 3: every variant trains in lockstep, in one room, on the same data
 * order). A variant's `hp` holds the hyperparameters it fixes (they win over the room's); its `options` hold what
 * the lesson's build needs to tell the structures apart (activation, width, batch norm…). These helpers type the
 * options where the lesson declares its variants and where its build reads them back.
 */
import { fmt } from './demoKit.ts';
import type { Activation } from '../train/model.ts';
import type { Hyperparams } from '@gradcast/shared';
import type { Variant } from './types.ts';
import { ACTIVATION_NAMES, type ComparedActivation } from './activationNames.ts';

/** A variant whose options are checked against the lesson's option type T. */
export function variant<T extends object>(label: string, options: T, hp?: Partial<Hyperparams>): Variant {
  const copy = { ...options } as Record<string, unknown>;
  return hp ? { label, hp, options: copy } : { label, options: copy };
}

/**
 * The options of the variant being built, over the lesson's defaults (a build without a variant, e.g. a probe in
 * a test, gets the defaults: the first variant's structure).
 */
export function optionsOf<T extends object>(v: Variant | null | undefined, defaults: T): T {
  return { ...defaults, ...(v?.options as Partial<T> | undefined) };
}

/**
 * The dropout comparisons (ch08-03, ch08-04): p = 0 against the lesson's `dropout` option `p`
 * (dropoutComparisonControls.ts). Both at p = 0, the second legend says which run it is.
 */
export function dropoutVariants(p: number): Variant[] {
  return [
    { label: 'p = 0', hp: { dropout: 0 } },
    { label: p === 0 ? 'p = 0 (second run)' : `p = ${fmt(p)}`, hp: { dropout: p } },
  ];
}

/** The course's activation comparisons (ch07-05, ch07-05b, ch08-01): one variant per hidden activation. */
export interface ActivationOptions {
  activation: Activation;
}

/** One variant per activation, in the order given; an activation given twice gets its model number in the legend. */
export function activationVariants(acts: readonly ComparedActivation[]): Variant[] {
  return acts.map((activation, i) => {
    const twice = acts.filter((a) => a === activation).length > 1;
    return variant<ActivationOptions>(twice ? `${ACTIVATION_NAMES[activation]} (model ${i + 1})` : ACTIVATION_NAMES[activation], { activation });
  });
}

/** The course's order: sigmoid, tanh, ReLU. */
export const ACTIVATION_VARIANTS: Variant[] = activationVariants(['sigmoid', 'tanh', 'relu']);

/** The hidden activation a variant of activationVariants asks for (`fallback` for a build without a variant). */
export const activationOf = (v: Variant | null | undefined, fallback: Activation = 'sigmoid'): Activation =>
  optionsOf<ActivationOptions>(v, { activation: fallback }).activation;

/**
 * The runs of one trainer, as seen by a comparison panel that sets the variants against each other (ch03-03's loss
 * vs lr): each run registers what the panel needs under its place among the variants (BuildContext.run), and any
 * run reads the others'.
 *
 * Keyed by the options object: the trainer builds every run with its one `values` object (BuildContext.options),
 * so runs of one room find each other and never another room's. A run registers at build and leaves when its
 * model is disposed (`leave`, called from dispose); after a rebuild the new model's entry is the latest. Builds
 * outside a trainer (no run index: probes in tests) do not register.
 */
const peerTables = new WeakMap<object, Map<number, unknown[]>>();

export interface Peers<T> {
  /** The latest live entry of runs 0 … count − 1 (undefined where a run has none). */
  of(count: number): (T | undefined)[];
  /** Removes this run's entry (call from the model's dispose). */
  leave(): void;
}

export function joinPeers<T>(options: object, run: number | undefined, entry: T): Peers<T> {
  let table = peerTables.get(options);
  if (!table) peerTables.set(options, (table = new Map()));
  const mine = run === undefined ? null : (table.get(run) ?? []);
  if (run !== undefined && mine) {
    mine.push(entry);
    table.set(run, mine);
  }
  const t = table;
  return {
    of: (count) => Array.from({ length: count }, (_, i) => (i === run ? entry : (t.get(i)?.at(-1) as T | undefined))),
    leave: () => {
      const i = mine?.indexOf(entry) ?? -1;
      if (mine && i >= 0) mine.splice(i, 1);
    },
  };
}
