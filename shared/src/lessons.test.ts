import { describe, expect, it } from 'vitest';
import { type DemoControl, validateDemoValues } from './lessons.ts';

/** A 4×3 drawing control: 12 pixels, so its base64 is 16 characters with no padding. */
const pad4x3: DemoControl = { name: 'drawn', label: 'draw', kind: 'drawing', default: '', width: 4, height: 3 };
/** 16×16 as ch09-05: 256 bytes, base64 ending in "==". */
const pad16: DemoControl = { name: 'drawn', label: 'draw', kind: 'drawing', default: '', width: 16, height: 16 };

/** Standard base64 of bytes (btoa over a binary string, as a browser encodes). */
const b64 = (bytes: number[] | Uint8Array): string => btoa(String.fromCharCode(...bytes));
const check = (value: unknown, c: DemoControl = pad16) => validateDemoValues({ drawn: value }, [c]);
const message = (value: unknown, c: DemoControl = pad16): string => {
  const r = check(value, c);
  return r.ok ? 'ok' : r.error.message;
};

describe('validateDemoValues: drawing', () => {
  it('accepts "no drawing" and images of exactly width·height bytes, with or without padding', () => {
    expect(check('')).toEqual({ ok: true, values: { drawn: '' } });
    const bar = new Uint8Array(256);
    for (let r = 0; r < 16; r++) bar[r * 16 + 7] = 255;
    const s = b64(bar);
    expect(s.endsWith('==')).toBe(true);
    expect(check(s)).toEqual({ ok: true, values: { drawn: s } });
    expect(check(b64(Array.from({ length: 12 }, (_, i) => i * 20)), pad4x3).ok).toBe(true);
    // 255 bytes need no padding, 257 one '='; controls of their size accept them.
    expect(b64(new Uint8Array(257)).endsWith('A=')).toBe(true);
    expect(check(b64(new Uint8Array(255)), { ...pad16, width: 15, height: 17 }).ok).toBe(true);
    expect(check(b64(new Uint8Array(257)), { ...pad16, width: 1, height: 257 }).ok).toBe(true);
  });

  it('refuses a wrong number of pixels, naming both counts', () => {
    expect(message(b64(new Uint8Array(255)))).toBe('drawn: expected 256 pixels, got 255 (a 16×16 drawing)');
    expect(message(b64(new Uint8Array(257)))).toBe('drawn: expected 256 pixels, got 257 (a 16×16 drawing)');
    expect(message(b64(new Uint8Array(784)))).toMatch(/expected 256 pixels, got 784/);
  });

  it('refuses what is not a string or not strict base64', () => {
    for (const v of [0, null, true, [0, 255], { data: '' }]) expect(message(v)).toMatch(/expected a base64 string/);
    const good = b64(new Uint8Array(12));
    expect(good).toBe('AAAAAAAAAAAAAAAA');
    for (const v of [
      good.slice(1), // length not a multiple of 4
      `${good.slice(0, 15)}!`, // outside the alphabet
      `${good.slice(0, 8)} ${good.slice(9)}`, // whitespace
      `AA==${good.slice(4)}`, // padding in the middle
      good.replace(/A/g, '-'), // base64url alphabet
      '====',
    ]) {
      expect(message(v, pad4x3), v).toMatch(/not valid base64/);
    }
    // "AB==" and "AAB=" decode to 1 and 2 bytes but leave bits set past them: second spellings of "AA==" and
    // "AAA=" are refused.
    expect(message('AA==', { ...pad16, width: 1, height: 1 })).toBe('ok');
    expect(message('AB==', { ...pad16, width: 1, height: 1 })).toMatch(/padding bits/);
    expect(message('AAA=', { ...pad16, width: 2, height: 1 })).toBe('ok');
    expect(message('AAB=', { ...pad16, width: 2, height: 1 })).toMatch(/padding bits/);
  });

  it('refuses when the control has no size', () => {
    const sizeless: DemoControl = { name: 'drawn', label: 'draw', kind: 'drawing', default: '' };
    expect(check(b64([1]), sizeless).ok).toBe(false);
    expect(check('', sizeless).ok).toBe(true);
  });
});
