/**
 * Which run of a comparison a panel shows. The server merges the runs' views (server/src/probe/views.ts,
 * docs/protocol.md "Frames"): run i's copy of a panel goes into the group named after the panel, titled with the
 * run's label, and every field it names starts with `v<i>.` (i: the run's 0-based index, its row in the metrics
 * frame, its colour in every view). A panel that describes every run at once keeps its own title and has no such
 * group, and a single run's panels have no prefix: neither belongs to one run.
 */
import type { DemoPanel } from '@gradcast/shared';
import { runColor, VARIANT_COLORS } from '../charts/palette.ts';

export interface PanelRun {
  /** The run's index among the comparison's runs. */
  index: number;
  /** The run's label (the panel's title), as the legends name it. */
  label: string;
  /** The run's colour, as the charts draw it (charts/palette.ts). */
  color: string;
}

const PREFIX = /^v(\d+)\./;

/** The run a panel shows, or null when it shows no single run of a comparison. */
export function panelRun(p: DemoPanel): PanelRun | null {
  if (!p.group) return null;
  const m = p.field ? PREFIX.exec(p.field) : null;
  if (!m) return null;
  const index = Number(m[1]);
  // A prefix means a comparison: two runs or more, so the palette's colour of the index.
  return { index, label: p.title, color: runColor(index, Math.max(2, index + 1)) };
}

/** Colour of a single run's bars and lines where no run colour applies: sky blue reads on the dark panel. */
export const NEUTRAL_COLOR = VARIANT_COLORS[1] as string;
