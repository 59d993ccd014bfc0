/** Public lesson metadata: what `/api/lessons`, `gradcast lessons` and the client list. */
import type { Channel } from './frames.ts';
import type { HyperparamName, Hyperparams } from './hyperparams.ts';

export interface LessonInfo {
  /** Catalogue id, e.g. "ch02-03". */
  id: string;
  title: string;
  /** Chapter number (1–9; 0 for the auxiliary helper module). */
  chapter: number;
  /** True when the lesson runs an optimizer; false for demos. */
  trains: boolean;
  /** Hyperparameters a member may change live (the contract's names). */
  controls: HyperparamName[];
  /** Channels this lesson streams, in the order the client lays out panels. */
  channels: Channel[];
  /** What the lesson shows, and which course bugs it fixes. */
  description: string;
  /** Starting values of the controls. */
  defaults: Partial<Hyperparams>;
  /** Demo lessons: their own parameters (kernel, stride, padding…), changed with `demo:set`. */
  demoControls?: DemoControl[];
}

/** A parameter of a demo lesson (not a training hyperparameter). */
export interface DemoControl {
  name: string;
  label: string;
  kind: 'number' | 'integer' | 'boolean' | 'enum';
  default: number | boolean | string;
  min?: number;
  max?: number;
  step?: number;
  options?: string[];
  help?: string;
}

/**
 * How the client draws one array of a `panels` frame (meta.layout is a JSON list of these):
 *  - grid: a 2-D array [rows, cols] as a heatmap with the values written in each cell (small arrays);
 *  - image: a 2-D array as a greyscale image (pixels in [0, 1]), no numbers;
 *  - series: line plot of `field` (y) against `x` (another field), optional `y2` for a second line;
 *  - vectors: 2-D arrows, field [k, 4] rows (x0, y0, x1, y1);
 *  - table: field [rows, cols] as a table with `columns` headers;
 *  - text: `text` only.
 * `group` puts panels side by side under one heading (e.g. input, kernel, output).
 */
export interface DemoPanel {
  kind: 'grid' | 'image' | 'series' | 'vectors' | 'table' | 'text';
  title: string;
  field?: string;
  x?: string;
  y2?: string;
  columns?: string[];
  text?: string;
  group?: string;
  /** Colour scale: "diverging" (around 0) or "sequential". */
  scale?: 'diverging' | 'sequential';
}

export type DemoValues = Record<string, number | boolean | string>;

/** Checks a `demo:set` payload against a demo's controls; refused whole on the first problem. */
export function validateDemoValues(
  input: unknown,
  controls: readonly DemoControl[],
): { ok: true; values: DemoValues } | { ok: false; error: { code: 'invalid'; message: string } } {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'invalid' as const, message } });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('demo:set expects an object of { name: value }');
  const entries = Object.entries(input as Record<string, unknown>);
  if (!entries.length) return bad('demo:set needs at least one value');
  const values: DemoValues = {};
  for (const [name, value] of entries) {
    const c = controls.find((k) => k.name === name);
    if (!c) return bad(`unknown demo control "${name}" (controls: ${controls.map((k) => k.name).join(', ') || 'none'})`);
    if (c.kind === 'boolean') {
      if (typeof value !== 'boolean') return bad(`${name}: expected true or false`);
    } else if (c.kind === 'enum') {
      if (typeof value !== 'string' || !c.options?.includes(value)) return bad(`${name}: expected one of ${c.options?.join(', ')}`);
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad(`${name}: expected a number`);
      if (c.kind === 'integer' && !Number.isInteger(value)) return bad(`${name}: expected an integer`);
      if (c.min !== undefined && value < c.min) return bad(`${name}: must be ≥ ${c.min}`);
      if (c.max !== undefined && value > c.max) return bad(`${name}: must be ≤ ${c.max}`);
    }
    values[name] = value;
  }
  return { ok: true, values };
}
