/**
 * The one line a member who may not change the run reads instead of a column of disabled controls (a phone's
 * first screenful is for the lesson's picture): the current settings ("lr 0.1 · batch size 100 · optimizer sgd ·
 * speed max", a demo's inputs) and who controls the run ("Ada controls the run").
 */
import { type HyperparamName, hyperparamSpecs, type Hyperparams, type LessonOption, type MemberInfo, type OptionValues } from '@gradcast/shared';
import { formatValue } from '../format.ts';

/** Names as the course's slides write them; otherwise the control's label, lower-cased. */
const SHORT: Partial<Record<HyperparamName, string>> = { lr: 'lr' };

function setting(label: string, value: unknown): string {
  if (typeof value === 'boolean') return `${label} ${value ? 'on' : 'off'}`;
  return `${label} ${formatValue(value)}`;
}

/** The run's settings, in the lesson's order; momentum only while the optimizer uses it (as the controls show it). */
export function settingsLine(controls: readonly string[], hp: Partial<Hyperparams>): string {
  const momentumUnused = controls.includes('optimizer') && hp.optimizer !== 'momentum';
  return controls
    .filter((n): n is HyperparamName => n in hyperparamSpecs && !(n === 'momentum' && momentumUnused))
    .map((n) => {
      const label = SHORT[n] ?? hyperparamSpecs[n].label.toLowerCase();
      const v = hp[n];
      return n === 'speed' && v === 0 ? 'speed max' : setting(label, v);
    })
    .join(' · ');
}

/** A demo's inputs as a line: at most `max` short ones (drawings and layer lists are named, not written out). */
export function optionsLine(options: readonly LessonOption[], values: OptionValues, max = 4): string {
  const parts = options.slice(0, max).map((c) => {
    const v = values[c.name];
    if (c.kind === 'drawing') return `${c.label.toLowerCase()}: ${v ? 'drawn' : 'none'}`;
    return setting(c.label.toLowerCase(), v);
  });
  if (options.length > max) parts.push(`${options.length - max} more`);
  return parts.join(' · ');
}

/** Who may change the run: everyone (unlocked), or the people the short member list names with control. */
export function controllersText(members: readonly MemberInfo[], locked: boolean): string {
  if (!locked) return 'Unlocked: everyone can change the run';
  const names = members.filter((m) => m.canControl).map((m) => m.name);
  if (!names.length) return 'Only the presenter can change the run';
  const shown = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} more`] : names;
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${list} ${names.length === 1 ? 'controls' : 'control'} the run`;
}
