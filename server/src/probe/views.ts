/**
 * Lesson views (DemoView: named arrays plus how to draw them) as `panels` frames. A comparison lesson's
 * variants each produce their own views; merged, the same-titled panels of every variant sit side by side
 * under that title, each captioned with its variant's label, and every field name is prefixed with the
 * variant's index so they do not collide. A panel a view marks `common` (it describes every run) is kept once,
 * as it is.
 */
import type { DemoPanel, Field, Frame } from '@gradcast/shared';
import type { DemoView } from '@gradcast/shared';

/** Panel properties that name a field of the frame (renamed together with the fields). */
const FIELD_REFS = ['field', 'x', 'y2', 'points', 'segments', 'labels'] as const;

export function viewsFrame(view: DemoView, generation: number, step: number): Frame {
  return { channel: 'panels', generation, step, meta: { layout: JSON.stringify(view.layout) }, fields: view.fields };
}

/** One view from each run's (null: that run has none, or has diverged); labels name the runs. */
export function mergeViews(views: (DemoView | null)[], labels: string[]): DemoView {
  if (views.length === 1) return views[0] ?? { fields: {}, layout: [] };
  const fields: Record<string, Field> = {};
  const layout: DemoPanel[] = [];
  // Panels are ordered by title (first appearance), then by variant, so a group holds every variant's copy.
  const byTitle = new Map<string, DemoPanel[]>();
  views.forEach((view, i) => {
    if (!view) return;
    const rename = (name: string): string => `v${i}.${name}`;
    for (const [name, f] of Object.entries(view.fields)) fields[rename(name)] = f;
    for (const panel of view.layout) {
      const copy: DemoPanel = { ...panel };
      for (const ref of FIELD_REFS) if (copy[ref]) copy[ref] = rename(copy[ref] as string);
      if (copy.lines) copy.lines = copy.lines.map(rename);
      if (view.common?.includes(panel.title)) {
        if (!byTitle.has(`common:${panel.title}`)) byTitle.set(`common:${panel.title}`, [copy]);
        continue;
      }
      const heading = panel.group ? `${panel.group} · ${panel.title}` : panel.title;
      copy.group = heading;
      copy.title = labels[i] ?? `run ${i + 1}`;
      const list = byTitle.get(heading) ?? [];
      list.push(copy);
      byTitle.set(heading, list);
    }
  });
  for (const list of byTitle.values()) layout.push(...list);
  return { fields, layout };
}
