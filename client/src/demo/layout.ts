/**
 * A demo's `panels` frame as the page lays it out: meta.layout (a JSON list of DemoPanel, shared/lessons.ts)
 * read defensively, panels gathered into sections (a `group` puts its panels side by side under one heading),
 * and each field's values as a matrix [rows, cols].
 */
import type { DemoPanel, Field, Frame } from '@gradcast/shared';

const KINDS: readonly DemoPanel['kind'][] = [
  'grid',
  'image',
  'series',
  'vectors',
  'table',
  'text',
  'tiles',
  'regions',
  'histogram',
  'scatter',
  'network',
  'graph',
];

/** The frame's panels; entries that are not panels are skipped, and an unreadable layout is no panels. */
export function parseLayout(frame: Frame | undefined): DemoPanel[] {
  const raw = frame?.meta['layout'];
  if (typeof raw !== 'string') return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is DemoPanel =>
      typeof p === 'object' &&
      p !== null &&
      KINDS.includes((p as DemoPanel).kind) &&
      typeof (p as DemoPanel).title === 'string',
  );
}

/** Panels shown together: a group's panels under the group's name, or one ungrouped panel under its title. */
export interface PanelSection {
  heading: string;
  /** True for a group: each panel then carries its own title as a caption. */
  grouped: boolean;
  panels: DemoPanel[];
}

/** Sections in the order their first panel appears; a group's later panels join its section. */
export function sectionsOf(panels: readonly DemoPanel[]): PanelSection[] {
  const sections: PanelSection[] = [];
  const byGroup = new Map<string, PanelSection>();
  for (const p of panels) {
    if (!p.group) {
      sections.push({ heading: p.title, grouped: false, panels: [p] });
      continue;
    }
    let s = byGroup.get(p.group);
    if (!s) {
      s = { heading: p.group.charAt(0).toUpperCase() + p.group.slice(1), grouped: true, panels: [] };
      byGroup.set(p.group, s);
      sections.push(s);
    }
    s.panels.push(p);
  }
  return sections;
}

/** A field's values as rows × cols: [r, c] as is, a 1-D field as one row, more dims folded into the columns. */
export interface Matrix {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export function matrixOf(f: Field | undefined): Matrix | null {
  if (!f) return null;
  const dims = f.dims.length ? f.dims : [f.data.length];
  const rows = dims.length === 1 ? 1 : (dims[0] as number);
  const cols = dims.length === 1 ? (dims[0] as number) : dims.slice(1).reduce((a, b) => a * b, 1);
  if (rows * cols !== f.data.length) return null;
  return { rows, cols, data: f.data };
}
