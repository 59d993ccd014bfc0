/**
 * Helpers for the comparison lessons (issue 3: every variant trains in lockstep, in one room, on the same data
 * order). A variant's `hp` holds the hyperparameters it fixes (they win over the room's); its `options` hold what
 * the lesson's build needs to tell the structures apart (activation, width, batch norm…). These helpers type the
 * options where the lesson declares its variants and where its build reads them back.
 */
import type { Activation } from '../train/model.ts';
import type { Hyperparams } from '@gradcast/shared';
import type { Variant } from './types.ts';

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

/** The course's activation comparison (ch07-05, ch08-01): one variant per hidden activation. */
export interface ActivationOptions {
  activation: Activation;
}
export const ACTIVATION_VARIANTS: Variant[] = [
  variant<ActivationOptions>('sigmoid', { activation: 'sigmoid' }),
  variant<ActivationOptions>('tanh', { activation: 'tanh' }),
  variant<ActivationOptions>('ReLU', { activation: 'relu' }),
];

/** The hidden activation a variant of ACTIVATION_VARIANTS asks for. */
export const activationOf = (v: Variant | null | undefined): Activation =>
  optionsOf<ActivationOptions>(v, { activation: 'sigmoid' }).activation;
