/**
 * Builders of lesson option specs that keep what each option is as a type: its name as a string literal, its kind,
 * and for a choice its values. A lesson lists its specs once (in its info), and OptionsOf derives the type of the
 * values its build receives from them, as Hyperparams derives from its schema:
 *
 *   const options = [num('noise', { label: 'noise', default: 0.1, min: 0, max: 3, step: 0.05 }),
 *                    choice('loss', ['bce', 'mse'] as const, { label: 'loss', default: 'bce' })];
 *   OptionsOf<typeof options>  →  { readonly noise: number; readonly loss: 'bce' | 'mse' }
 *
 * The specs are plain LessonOption objects (what the wire carries); the builders add no field of their own.
 */
import type { LayerLimits, LessonOption } from './lessonOption.ts';

/** A number option (a slider): any finite value in [min, max], offered in steps of `step`. */
export interface NumberOption<N extends string = string> extends LessonOption {
  name: N;
  kind: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
}

/** An integer option: a whole number in [min, max]. */
export interface IntegerOption<N extends string = string> extends LessonOption {
  name: N;
  kind: 'integer';
  default: number;
  min: number;
  max: number;
  step: number;
}

/** A toggle. */
export interface BooleanOption<N extends string = string> extends LessonOption {
  name: N;
  kind: 'boolean';
  default: boolean;
}

/** One of a fixed list of strings (LessonOption kind 'enum'). */
export interface ChoiceOption<N extends string = string, V extends string = string> extends LessonOption {
  name: N;
  kind: 'enum';
  default: V;
  options: V[];
}

/** A drawing of width × height pixels, as base64 ('' for none: see LessonOption). */
export interface DrawingOption<N extends string = string> extends LessonOption {
  name: N;
  kind: 'drawing';
  default: string;
  width: number;
  height: number;
}

/** A dense network's layer list within `layers` (LayerLimits), e.g. '2-10-10-3'; `options` are presets. */
export interface LayersOption<N extends string = string> extends LessonOption {
  name: N;
  kind: 'layers';
  default: string;
  layers: LayerLimits;
}

/** What a builder is given besides the name (and, for a choice, the values): every other field of its spec. */
type Rest<S extends LessonOption> = Omit<S, 'name' | 'kind'>;

/**
 * A spec with name, label and kind first, then the rest in the order given: the order the lessons wrote them in,
 * so the catalogue reads as before.
 */
function spec<S extends LessonOption>(name: S['name'], kind: S['kind'], rest: Omit<S, 'name' | 'kind'>): S {
  return Object.assign({ name, label: rest.label, kind }, rest) as S;
}

export function num<N extends string>(name: N, rest: Rest<NumberOption<N>>): NumberOption<N> {
  return spec(name, 'number', rest);
}

export function int<N extends string>(name: N, rest: Rest<IntegerOption<N>>): IntegerOption<N> {
  return spec(name, 'integer', rest);
}

export function bool<N extends string>(name: N, rest: Rest<BooleanOption<N>>): BooleanOption<N> {
  return spec(name, 'boolean', rest);
}

/**
 * `values` in the order offered (a literal list, or one kept `as const`, keeps them as a type); the default must be
 * one of them.
 */
export function choice<N extends string, const V extends string>(
  name: N,
  values: readonly V[],
  rest: Omit<Rest<ChoiceOption<N, V>>, 'options' | 'default'> & { default: NoInfer<V> },
): ChoiceOption<N, V> {
  return spec<ChoiceOption<N, V>>(name, 'enum', Object.assign({ options: [...values] }, rest));
}

export function drawing<N extends string>(name: N, rest: Rest<DrawingOption<N>>): DrawingOption<N> {
  return spec(name, 'drawing', rest);
}

export function layers<N extends string>(name: N, rest: Rest<LayersOption<N>>): LayersOption<N> {
  return spec(name, 'layers', rest);
}

/**
 * The value an option holds: number (number, integer), boolean, one of a choice's values, or a string (a drawing's
 * base64, a layer list). An untyped LessonOption may hold any of them.
 */
export type OptionValue<O extends LessonOption> = LessonOption extends O
  ? number | boolean | string
  : O extends { kind: 'number' | 'integer' }
    ? number
    : O extends { kind: 'boolean' }
      ? boolean
      : O extends { kind: 'enum'; options: readonly (infer V)[] }
        ? V
        : string;

/**
 * The values of a list of option specs, by name: what a lesson's build or compute receives, every option present
 * and within its spec (resolveOptions.ts). Read-only: a build reads its options, the room changes them.
 */
export type OptionsOf<T extends readonly LessonOption[]> = { readonly [O in T[number] as O['name']]: OptionValue<O> };
