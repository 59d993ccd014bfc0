/** A `layers` option's value: a dense network's layer list as one canonical string, e.g. '2-10-10-3'. */
import type { LayerLimits } from './lessonOption.ts';

/**
 * A `layers` control's value as its widths (units per layer, input first), or why it is not a list within
 * `limits`, in words that name the layer and the limit (e.g. "hidden layer 2 has 500 units, at most 128").
 * Only the canonical spelling is accepted (digits joined by single '-', no leading zeros), so equal lists are
 * equal strings: a change is a change of network, and `options:changed` shows the same text everyone typed.
 */
export function parseLayerList(
  value: unknown,
  limits: LayerLimits | undefined,
): { ok: true; sizes: number[] } | { ok: false; problem: string } {
  const no = (problem: string) => ({ ok: false as const, problem });
  if (!limits) return no('this control declares no layer limits, so no list is accepted');
  const { input, output, minHidden, maxHidden, minUnits, maxUnits } = limits;
  // An example within the limits, for the messages: the fewest hidden layers (at least one), 10 units each.
  const units = Math.min(maxUnits, Math.max(minUnits, 10));
  const example = [input, ...Array<number>(Math.max(1, minHidden)).fill(units), output].join('-');
  if (typeof value !== 'string') return no(`expected a layer list as a string of widths joined by '-', e.g. '${example}'`);
  if (!/^[0-9]+(?:-[0-9]+)*$/.test(value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return no(`expected widths (whole numbers) joined by single '-', no spaces, e.g. '${example}'; got ${JSON.stringify(shown)}`);
  }
  const parts = value.split('-');
  const last = parts.length - 1;
  const layer = (i: number) => (i === 0 ? 'the input layer' : i === last ? 'the output layer' : `hidden layer ${i}`);
  const zeroed = parts.findIndex((p) => p.length > 1 && p.startsWith('0'));
  if (zeroed >= 0) return no(`${layer(zeroed)} is written '${parts[zeroed]}': no leading zeros`);
  if (parts.length < 2) return no(`expected an input layer, hidden layers and an output layer, e.g. '${example}'; got one width`);
  const sizes = parts.map(Number);
  if (sizes[0] !== input) return no(`the input layer must have ${input} units (the data's features), got ${parts[0]}`);
  if (sizes[last] !== output) return no(`the output layer must have ${output} units, got ${parts[last]}`);
  const hidden = parts.length - 2;
  if (hidden < minHidden || hidden > maxHidden) {
    const range = minHidden === maxHidden ? `${minHidden}` : `${minHidden} to ${maxHidden}`;
    return no(`expected ${range} hidden layers between input and output, got ${hidden}`);
  }
  for (let i = 1; i < last; i++) {
    const n = sizes[i] as number;
    if (n < minUnits) return no(`${layer(i)} has ${parts[i]} units, at least ${minUnits}`);
    if (n > maxUnits) return no(`${layer(i)} has ${parts[i]} units, at most ${maxUnits}`);
  }
  return { ok: true, sizes };
}

/**
 * The widths of a layer list already accepted by parseLayerList (a validated or resolved `layers` value), in
 * units per layer, input first: '2-10-10-3' → [2, 10, 10, 3].
 */
export function layerWidths(list: string): number[] {
  return list.split('-').map(Number);
}
