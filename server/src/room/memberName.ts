/**
 * A member's name as others see it: control, zero-width and bidirectional-override characters removed (a name
 * must not reorder or hide the text around it), runs of spaces collapsed, at most NAME_MAX characters. Pages
 * render names as text, never as markup.
 */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  const cleaned = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return [...cleaned].slice(0, NAME_MAX).join('').trim();
}

/** Longest member name, in characters. */
export const NAME_MAX = 40;
