/**
 * Putting a lesson's views together: each builder of this folder returns a small DemoView (its fields and
 * panels), and a lesson joins them into the one view its model's `views()` returns.
 */
import type { DemoPanel, Field } from '@gradcast/shared';
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
