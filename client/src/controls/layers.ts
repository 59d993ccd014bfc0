/**
 * The layer-list editor's logic (LessonOption kind 'layers', e.g. ch08-02's '2-10-10-3'): the member edits only the
 * hidden widths, between the fixed input and output; this turns them into the list string and back, counts the
 * network's parameters, and says why a draft may not be sent, in the shared validator's words, so the client
 * refuses exactly what the server would.
 */
import { type LayerLimits, parseLayerList } from '@gradcast/shared';

/** Hidden widths a new layer starts with when there is none to copy. */
const NEW_LAYER_UNITS = 10;

/** The hidden widths of a list (e.g. '2-10-10-3' → [10, 10]); null when it is not a list within `limits`. */
export function hiddenOf(value: unknown, limits: LayerLimits | undefined): number[] | null {
  const list = parseLayerList(value, limits);
  return list.ok ? list.sizes.slice(1, -1) : null;
}

/** Trainable parameters of a dense stack of layers `sizes` (units, input first): Σ (n_in + 1)·n_out. */
export function paramCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += ((sizes[l - 1] as number) + 1) * (sizes[l] as number);
  return n;
}

/** What the editor shows for its hidden-width boxes: the list they spell, and whether it can be sent. */
export interface LayerDraft {
  /** The list string, input and output included ('2-10-10-3'); '' when a box holds no whole number. */
  value: string;
  /** Every layer's width when the draft is valid; null otherwise. */
  sizes: number[] | null;
  /** Why the draft cannot be sent ('' when it can). */
  problem: string;
}

/**
 * A draft from the text of the hidden-width boxes, in order. Each box must hold a whole number; spaces around it
 * and leading zeros are read away (a box shows "010" as the member typed it, the list says 10). The list must
 * then pass the shared validator (counts and widths within `limits`).
 */
export function draftOf(texts: readonly string[], limits: LayerLimits | undefined): LayerDraft {
  const digits: string[] = [];
  for (const [i, text] of texts.entries()) {
    const t = text.trim();
    if (!/^[0-9]+$/.test(t)) return { value: '', sizes: null, problem: `hidden layer ${i + 1}: enter a whole number of units` };
    digits.push(t.replace(/^0+(?=[0-9])/, ''));
  }
  if (!limits) return { value: '', sizes: null, problem: 'this control declares no layer limits' };
  const value = [limits.input, ...digits, limits.output].join('-');
  const list = parseLayerList(value, limits);
  return list.ok ? { value, sizes: list.sizes, problem: '' } : { value, sizes: null, problem: list.problem };
}

/**
 * The boxes' text after adding a hidden layer at the end: a copy of the last width (a deeper network of the
 * same width is the usual next try), or 10 units when there is none or it is not a number yet; unchanged when
 * the list is at its most layers.
 */
export function withLayer(texts: readonly string[], limits: LayerLimits | undefined): string[] {
  if (limits && texts.length >= limits.maxHidden) return [...texts];
  const last = texts.at(-1)?.trim() ?? '';
  const units = /^[0-9]+$/.test(last) ? last : String(NEW_LAYER_UNITS);
  return [...texts, units];
}

/** The boxes' text after removing the last hidden layer; unchanged when the list is at its fewest layers. */
export function withoutLayer(texts: readonly string[], limits: LayerLimits | undefined): string[] {
  return texts.length > (limits?.minHidden ?? 1) ? texts.slice(0, -1) : [...texts];
}

/** Whether one hidden-width box holds a width within the limits (its box is marked when not). */
export function unitsOk(text: string, limits: LayerLimits | undefined): boolean {
  const t = text.trim();
  if (!/^[0-9]+$/.test(t)) return false;
  const n = Number(t);
  return !limits || (n >= limits.minUnits && n <= limits.maxUnits);
}
