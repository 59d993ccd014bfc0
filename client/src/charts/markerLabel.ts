/**
 * The text of a change marker on the loss and accuracy charts: short enough to sit beside a vertical line
 * ("lr 0.1→0.03", "momentum 0→0.9", "batch norm on", "optimizer adam", "lr decay exponential"), with the full
 * sentence (step, every change, who made it) for the marker's tooltip and screen readers.
 */
import { type LessonOption, type HyperparamName, hyperparamSpecs } from '@gradcast/shared';
import { formatValue } from '../format.ts';

/**
 * A hyperparameter's name on a marker: its control's label, lower-cased ("batch norm", "weight decay"), except
 * where the course's slides use a short name.
 */
const SHORT_NAMES: Record<string, string> = { lr: 'lr', init: 'init' };
const hyperparamName = (name: string): string | undefined =>
  SHORT_NAMES[name] ?? (name in hyperparamSpecs ? hyperparamSpecs[name as HyperparamName].label.toLowerCase() : undefined);

/**
 * One change as text. Numbers show old→new (the size of a step matters: lr 0.1→0.03), switches their new state,
 * choices their new value, a drawing whether there is one. `controls` names a lesson option by its control's label ("lr decay"), lower-cased.
 */
export function changeText(name: string, [from, to]: readonly [unknown, unknown], controls: readonly LessonOption[] = []): string {
  const control = controls.find((c) => c.name === name);
  const label = hyperparamName(name) ?? control?.label.toLowerCase() ?? name;
  // A drawing is named, not written out: its value is ~1,000 base64 characters.
  if (control?.kind === 'drawing') return `${label} ${to === '' || to === undefined || to === null ? 'empty' : 'drawing'}`;
  if (typeof to === 'boolean') return `${label} ${to ? 'on' : 'off'}`;
  if (typeof to === 'number' && typeof from === 'number') return `${label} ${formatValue(from)}→${formatValue(to)}`;
  return `${label} ${formatValue(to)}`;
}

/** Several changes made at once, in the order they were sent: "lr 0.1→0.03, momentum 0→0.9". */
export function changesText(changes: Record<string, readonly [unknown, unknown]>, controls: readonly LessonOption[] = []): string {
  return Object.entries(changes)
    .map(([name, pair]) => changeText(name, pair, controls))
    .join(', ');
}

/** The tooltip: "step 120: lr 0.1→0.03, momentum 0→0.9 (Ada); batch norm on (Ben)" (one name per run of changes). */
export function markerTitle(step: number, parts: readonly { text: string; by: string }[]): string {
  const runs: { texts: string[]; by: string }[] = [];
  for (const p of parts) {
    const last = runs.at(-1);
    if (last?.by === p.by) last.texts.push(p.text);
    else runs.push({ texts: [p.text], by: p.by });
  }
  return `step ${step}: ${runs.map((r) => `${r.texts.join(', ')} (${r.by})`).join('; ')}`;
}
