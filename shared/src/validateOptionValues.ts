/**
 * Validation of an `options:set` payload against a lesson's option specs: the only check a value passes before a
 * room applies it (resolveOptions.ts then only fills in and normalises, for builds made outside a room).
 */
import { parseLayerList } from './layerList.ts';
import type { LessonOption, OptionValues } from './lessonOption.ts';

/** Checks a `options:set` payload against a lesson's option specs; refused whole on the first problem. */
export function validateOptionValues(
  input: unknown,
  controls: readonly LessonOption[],
): { ok: true; values: OptionValues } | { ok: false; error: { code: 'invalid'; message: string } } {
  const bad = (message: string) => ({ ok: false as const, error: { code: 'invalid' as const, message } });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('options:set expects an object of { name: value }');
  const entries = Object.entries(input as Record<string, unknown>);
  if (!entries.length) return bad('options:set needs at least one value');
  const values: OptionValues = {};
  for (const [name, value] of entries) {
    const c = controls.find((k) => k.name === name);
    if (!c) return bad(`unknown option "${name}" (controls: ${controls.map((k) => k.name).join(', ') || 'none'})`);
    if (c.kind === 'boolean') {
      if (typeof value !== 'boolean') return bad(`${name}: expected true or false`);
    } else if (c.kind === 'enum') {
      if (typeof value !== 'string' || !c.options?.includes(value)) return bad(`${name}: expected one of ${c.options?.join(', ')}`);
    } else if (c.kind === 'layers') {
      const list = parseLayerList(value, c.layers);
      if (!list.ok) return bad(`${name}: ${list.problem}`);
      // Accepted only in its one spelling, so this is the string sent.
      values[name] = list.sizes.join('-');
      continue;
    } else if (c.kind === 'drawing') {
      if (typeof value !== 'string') return bad(`${name}: expected a base64 string or ''`);
      const problem = drawingProblem(value, (c.width ?? 0) * (c.height ?? 0));
      if (problem) return bad(`${name}: ${problem} (a ${c.width ?? 0}×${c.height ?? 0} drawing)`);
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

/**
 * Why `value` is not a drawing of `bytes` pixels ('' when it is one): empty, or strict base64 (the
 * alphabet A–Z a–z 0–9 + /, length a multiple of 4, '=' only as the final padding, unused bits zero, so
 * every image has exactly one encoding) whose decoded length is `bytes`. Checked from the text alone: nothing
 * is decoded.
 */
export function drawingProblem(value: string, bytes: number): string {
  if (value === '') return '';
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return 'not valid base64';
  const pad = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  // The last character before the padding carries 4 (==) or 2 (=) bits past the data: they must be zero.
  const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(value.charAt(value.length - pad - 1));
  if (pad && last % (pad === 2 ? 16 : 4) !== 0) return 'not valid base64 (non-zero padding bits)';
  const n = (value.length / 4) * 3 - pad;
  return n === bytes ? '' : `expected ${bytes} pixels, got ${n}`;
}
