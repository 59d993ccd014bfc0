import { describe, expect, it } from 'vitest';
import { cleanName, NAME_MAX } from './memberName.ts';

describe('cleanName', () => {
  it('removes control, zero-width and direction characters and collapses spaces', () => {
    expect(cleanName('  Ada\u0007 \u202eLove\u200blace\t\n ')).toBe('Ada Lovelace');
    expect(cleanName('\u2066x\u2069\ufeff')).toBe('x');
  });

  it('keeps markup characters as text (pages never render names as markup)', () => {
    expect(cleanName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('cuts to NAME_MAX characters, counting a surrogate pair as one', () => {
    expect(cleanName('a'.repeat(100))).toHaveLength(NAME_MAX);
    const emoji = '😀'.repeat(50);
    expect([...cleanName(emoji)]).toHaveLength(NAME_MAX);
  });

  it('gives the empty string for a name of nothing visible (the server then names the member)', () => {
    expect(cleanName('\u200b\u0000 ')).toBe('');
  });
});
