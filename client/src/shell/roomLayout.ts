/**
 * Which panels a room page shows, and where: from the channels the lesson streams (lesson.channels) and from
 * whether its metrics carry accuracies. The result is three CSS grid templates (wide, medium, narrow screens)
 * that App.svelte applies through custom properties.
 *
 * Wide: twelve equal tracks for the panels and a controls column ("side") spanning every row. The first row
 * is the lesson's main view (surface + contour map, else data + loss, else the loss alone, else the demo; a lesson
 * that streams a loss `landscape` has it where the surface would go, beside the contour map, which then maps it);
 * the charts share the second row. A training lesson's views ("demo" area: weight tiles, decision regions,
 * histograms…) take a full-width row of their own below, as tall as they need, so a long views column never
 * stretches a chart beside it. Medium: two columns, the first panel across both, the controls beside the next
 * one, the views across both. Narrow: one column, the controls right after the main view. With `folded` (a member
 * who may not change the run, whose controls fold into one line: a phone's first screenful is the lesson's picture,
 * then the curves), narrow puts the loss and accuracy curves right after that line, before the other panels.
 */
import type { Channel } from '@gradcast/shared';

export type PanelId = 'surface' | 'landscape' | 'contour' | 'data' | 'loss' | 'accuracy' | 'demo';
type Area = PanelId | 'side';

export interface GridTemplate {
  columns: string;
  rows: string;
  /** grid-template-areas: one quoted string per row. */
  areas: string;
}

export interface RoomLayout {
  /** Panels shown, in reading order (the controls column is always there). */
  panels: PanelId[];
  wide: GridTemplate;
  medium: GridTemplate;
  narrow: GridTemplate;
}

const TRACKS = 12;

export function roomLayout(channels: readonly Channel[], opts: { accuracy: boolean; folded?: boolean }): RoomLayout {
  const has = (c: Channel): boolean => channels.includes(c);
  // A landscape takes the exact surface's place: the 3-D panel and the contour map show the slice.
  const landscape = has('landscape');
  const surface = has('surface') && !landscape;
  const data = has('data') || has('fit');
  const loss = has('metrics');
  const accuracy = loss && opts.accuracy;
  const demo = has('panels');

  // The main view fills the first row; the rest share the second.
  let hero: PanelId[];
  if (landscape) hero = ['landscape', 'contour'];
  else if (surface) hero = ['surface', 'contour'];
  else if (data && loss) hero = ['data', 'loss'];
  else if (data) hero = ['data'];
  else if (loss) hero = ['loss'];
  else if (demo) hero = ['demo'];
  else hero = [];
  const rest = (['data', 'loss', 'accuracy'] as PanelId[]).filter(
    (p) => !hero.includes(p) && (p === 'data' ? data : p === 'loss' ? loss : accuracy),
  );
  if (demo && !hero.includes('demo')) rest.push('demo');
  const panels = [...hero, ...rest];

  return { panels, wide: wide(hero, rest, surface || landscape), medium: medium(panels), narrow: narrow(panels, opts.folded ?? false) };
}

/** Twelve tracks split among a row's panels: the 3-D view wider than the contour map, others equal. */
function spans(row: PanelId[]): number[] {
  if (row.length === 2 && (row[0] === 'surface' || row[0] === 'landscape')) return [7, 5];
  const base = Math.floor(TRACKS / row.length);
  return row.map((_, k) => (k === row.length - 1 ? TRACKS - base * (row.length - 1) : base));
}

function rowAreas(row: PanelId[]): string {
  const s = spans(row);
  return `"${row.flatMap((p, k) => Array<string>(s[k] as number).fill(p)).join(' ')} side"`;
}

function wide(hero: PanelId[], all: PanelId[], surface: boolean): GridTemplate {
  const rows: string[] = [];
  const areas: string[] = [];
  const demoOnly = hero[0] === 'demo';
  const views = all.includes('demo');
  const rest = all.filter((p) => p !== 'demo');
  if (hero.length) {
    areas.push(rowAreas(hero));
    // A surface row has a fixed share of the screen; charts and demos grow with the page.
    rows.push(surface ? 'minmax(24rem, 58vh)' : demoOnly ? 'minmax(24rem, auto)' : rest.length ? 'minmax(22rem, 1.3fr)' : 'minmax(24rem, 1fr)');
  }
  if (rest.length) {
    areas.push(rowAreas(rest));
    rows.push('minmax(17rem, 1fr)');
  }
  if (views) {
    areas.push(rowAreas(['demo']));
    rows.push('minmax(24rem, auto)');
  }
  if (!areas.length) {
    areas.push(`"${Array<string>(TRACKS).fill('.').join(' ')} side"`);
    rows.push('minmax(24rem, 1fr)');
  }
  return { columns: `repeat(${TRACKS}, minmax(0, 1fr)) minmax(17rem, 21rem)`, rows: rows.join(' '), areas: areas.join(' ') };
}

/** Two columns: the first panel across both, the next beside the controls, then pairs; a lone last one spans. */
function medium(panels: PanelId[]): GridTemplate {
  const order: Area[] = panels.length ? [...panels.slice(0, 2), 'side', ...panels.slice(2)] : ['side'];
  const areas: string[] = [];
  const rows: string[] = [];
  const height = (a: Area, first: boolean): string =>
    a === 'demo' || a === 'side' ? 'auto' : first ? 'minmax(24rem, 60vh)' : 'minmax(18rem, auto)';
  areas.push(`"${order[0]} ${order[0]}"`);
  rows.push(height(order[0] as Area, true));
  // The views (a training lesson's demo area) go last, across both columns; the rest pair up.
  const paired = order.slice(1).filter((a) => a !== 'demo' || order[0] === 'demo');
  for (let k = 0; k < paired.length; k += 2) {
    const a = paired[k] as Area;
    const b = paired[k + 1];
    areas.push(b ? `"${a} ${b}"` : `"${a} ${a}"`);
    rows.push('minmax(18rem, auto)');
  }
  if (order[0] !== 'demo' && order.includes('demo')) {
    areas.push('"demo demo"');
    rows.push('auto');
  }
  return { columns: 'minmax(0, 1fr) minmax(0, 1fr)', rows: rows.join(' '), areas: areas.join(' ') };
}

/** One column: the main view, the controls, then the rest (folded controls: the curves first). */
function narrow(panels: PanelId[], folded: boolean): GridTemplate {
  const rest = panels.slice(1);
  const curves = (p: PanelId): boolean => p === 'loss' || p === 'accuracy';
  const after = folded ? [...rest.filter(curves), ...rest.filter((p) => !curves(p))] : rest;
  const order: Area[] = panels.length ? [panels[0] as PanelId, 'side', ...after] : ['side'];
  const rows = order.map((a, k) => (a === 'side' || a === 'demo' ? 'auto' : k === 0 ? 'minmax(18rem, 70vw)' : '18rem'));
  return { columns: 'minmax(0, 1fr)', rows: rows.join(' '), areas: order.map((a) => `"${a}"`).join(' ') };
}
