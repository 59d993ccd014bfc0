/**
 * Lesson option values made whole against their specs, in one place: the lesson registry calls it on the values a
 * lesson's build or compute is given (lessons/join.ts). A room's values have passed validateOptionValues already;
 * a build made outside a room (a test, a probe, a restored checkpoint) may lack some or hold one out of range.
 */
import { parseLayerList } from './layerList.ts';
import type { LessonOption, OptionValues } from './lessonOption.ts';
import type { OptionsOf } from './optionSpecs.ts';
import { drawingProblem } from './validateOptionValues.ts';

/**
 * Fills in every option of `specs` missing from `values` with its default and brings every present one within
 * its spec, IN PLACE, and returns the same object typed by the specs. In place because the object is live: the
 * trainer changes hot options (the sample a view draws, the lr schedule) in it between steps, and views read it
 * at use. Values of names outside `specs` are left as they are.
 *
 * Per kind: number and integer keep a finite number within [min, max] (an integer rounded to the nearest one); a
 * boolean, a choice among its values, a drawing of the spec's size and a layer list within its limits (in its one
 * spelling) are kept; anything else reads as the default.
 */
export function resolveOptions<const T extends readonly LessonOption[]>(specs: T, values: OptionValues): OptionsOf<T> {
  for (const spec of specs) {
    const value = resolved(spec, values[spec.name]);
    if (values[spec.name] !== value) values[spec.name] = value;
  }
  return values as OptionsOf<T>;
}

/** `value` as option `spec` holds it: itself when it is one, normalised where it has one spelling, else the default. */
function resolved(spec: LessonOption, value: unknown): number | boolean | string {
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return spec.default;
      const n = spec.kind === 'integer' ? Math.round(value) : value;
      return Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, n));
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : spec.default;
    case 'enum':
      return typeof value === 'string' && (spec.options ?? []).includes(value) ? value : spec.default;
    case 'drawing':
      return typeof value === 'string' && !drawingProblem(value, (spec.width ?? 0) * (spec.height ?? 0)) ? value : spec.default;
    case 'layers': {
      const list = parseLayerList(value, spec.layers);
      return list.ok ? list.sizes.join('-') : spec.default;
    }
  }
}
