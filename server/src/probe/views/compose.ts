/**
 * Putting a lesson's views together: each builder of this folder returns a small DemoView (its fields and
 * panels), and a lesson joins them into the one view its model's `views()` returns.
 */
import type { DemoPanel, OptionValues, Field } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/** The parts' fields and panels, in order; a field name used twice is a bug of the caller. */
export function joinViews(...parts: (DemoView | null | undefined)[]): DemoView {
  const fields: Record<string, Field> = {};
  const layout: DemoPanel[] = [];
  const common: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (const [name, f] of Object.entries(part.fields)) {
      if (name in fields) throw new Error(`joinViews: field "${name}" appears twice`);
      fields[name] = f;
    }
    layout.push(...part.layout);
    if (part.common) common.push(...part.common);
  }
  return common.length ? { fields, layout, common } : { fields, layout };
}

/** A text panel (a placeholder until there is something to show, or a note). */
export function textView(title: string, text: string, group?: string): DemoView {
  const panel: DemoPanel = { kind: 'text', title, text };
  if (group) panel.group = group;
  return { fields: {}, layout: [panel] };
}

/**
 * An integer lesson option clamped to [min, max]. Builds made outside a trainer (tests, probes) may pass no
 * options at all, so a missing or non-numeric value reads as `fallback`.
 */
export function intOption(options: OptionValues | undefined, name: string, fallback: number, min: number, max: number): number {
  const v = options?.[name];
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** A numeric lesson option (fallback when missing), kept within [min, max] (a restored or programmatic value may lie outside a control's range). */
export function numberOption(options: OptionValues | undefined, name: string, fallback: number, min = -Infinity, max = Infinity): number {
  const v = options?.[name];
  return Math.min(max, Math.max(min, typeof v === 'number' && Number.isFinite(v) ? v : fallback));
}

/** A string (enum) lesson option, when it is one of `allowed`; else `fallback`. */
export function enumOption<T extends string>(options: OptionValues | undefined, name: string, allowed: readonly T[], fallback: T): T {
  const v = options?.[name];
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** A boolean lesson option (fallback when missing). */
export function boolOption(options: OptionValues | undefined, name: string, fallback: boolean): boolean {
  const v = options?.[name];
  return typeof v === 'boolean' ? v : fallback;
}

/**
 * A drawing lesson option (LessonOption kind 'drawing': base64 of width·height bytes, 0 black … 255 white ink,
 * row-major) as pixels in [0, 1] (byte/255, as MNIST's ToTensor), a Float32Array [height·width]; null for ''
 * ("no drawing"), a missing value, or one of another size (validateOptionValues refuses those before they get here).
 */
export function drawingOption(options: OptionValues | undefined, name: string, width: number, height: number): Float32Array | null {
  const v = options?.[name];
  if (typeof v !== 'string' || v === '') return null;
  const bytes = Buffer.from(v, 'base64');
  if (bytes.length !== width * height) return null;
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] as number) / 255;
  return out;
}
