import { describe, expect, it } from 'vitest';
import { type LessonOption, parseLayerList, validateOptionValues } from './lessons.ts';

/** A 4×3 drawing control: 12 pixels, so its base64 is 16 characters with no padding. */
const pad4x3: LessonOption = { name: 'drawn', label: 'draw', kind: 'drawing', default: '', width: 4, height: 3 };
/** 16×16 as ch09-05: 256 bytes, base64 ending in "==". */
const pad16: LessonOption = { name: 'drawn', label: 'draw', kind: 'drawing', default: '', width: 16, height: 16 };

/** Standard base64 of bytes (btoa over a binary string, as a browser encodes). */
const b64 = (bytes: number[] | Uint8Array): string => btoa(String.fromCharCode(...bytes));
const check = (value: unknown, c: LessonOption = pad16) => validateOptionValues({ drawn: value }, [c]);
const message = (value: unknown, c: LessonOption = pad16): string => {
  const r = check(value, c);
  return r.ok ? 'ok' : r.error.message;
};

describe('validateOptionValues: drawing', () => {
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
    const sizeless: LessonOption = { name: 'drawn', label: 'draw', kind: 'drawing', default: '' };
    expect(check(b64([1]), sizeless).ok).toBe(false);
    expect(check('', sizeless).ok).toBe(true);
  });
});

/** ch08-02's control: 2 inputs, 3 classes, 1…6 hidden layers of 1…128 units, the course's lists as presets. */
const layerList: LessonOption = {
  name: 'layers',
  label: 'layer sizes',
  kind: 'layers',
  default: '2-10-10-3',
  options: ['2-10-10-3', '2-50-3', '2-10-10-10-3'],
  layers: { input: 2, output: 3, minHidden: 1, maxHidden: 6, minUnits: 1, maxUnits: 128 },
};
const layersMessage = (value: unknown, c: LessonOption = layerList): string => {
  const r = validateOptionValues({ layers: value }, [c]);
  return r.ok ? 'ok' : r.error.message;
};

describe('validateOptionValues: layers', () => {
  it('accepts the presets and any canonical list within the limits', () => {
    for (const v of ['2-10-10-3', '2-50-3', '2-10-10-10-3', '2-16-8-8-3', '2-1-3', '2-128-128-128-128-128-128-3']) {
      expect(validateOptionValues({ layers: v }, [layerList]), v).toEqual({ ok: true, values: { layers: v } });
    }
    expect(parseLayerList('2-16-8-8-3', layerList.layers)).toEqual({ ok: true, sizes: [2, 16, 8, 8, 3] });
  });

  it('names the layer and the limit it breaks', () => {
    expect(layersMessage('2-10-500-3')).toBe('layers: hidden layer 2 has 500 units, at most 128');
    expect(layersMessage('2-0-3')).toBe('layers: hidden layer 1 has 0 units, at least 1');
    expect(layersMessage('4-10-3')).toBe("layers: the input layer must have 2 units (the data's features), got 4");
    expect(layersMessage('2-10-10')).toBe('layers: the output layer must have 3 units, got 10');
    expect(layersMessage('2-3')).toBe('layers: expected 1 to 6 hidden layers between input and output, got 0');
    expect(layersMessage('2-1-1-1-1-1-1-1-3')).toBe('layers: expected 1 to 6 hidden layers between input and output, got 7');
    expect(layersMessage('2')).toMatch(/got one width/);
    expect(layersMessage('2-010-3')).toBe("layers: hidden layer 1 is written '010': no leading zeros");
    expect(layersMessage('02-10-3')).toMatch(/the input layer is written '02'/);
    // A width past 2^53 is still read as "too wide", quoting what was written.
    expect(layersMessage('2-99999999999999999999-3')).toBe('layers: hidden layer 1 has 99999999999999999999 units, at most 128');
  });

  it('refuses every other spelling and junk types', () => {
    for (const v of ['', ' 2-10-3', '2-10-3 ', '2 - 10 - 3', '2--10-3', '-2-10-3', '2-10-3-', '2-+10-3', '2-1.5-3', '2-1e2-3', '2,10,3', '2-１０-3']) {
      expect(layersMessage(v), JSON.stringify(v)).toMatch(/^layers: expected widths \(whole numbers\) joined by single '-'/);
    }
    for (const v of [2103, null, true, ['2', '10', '3'], [2, 10, 3], { sizes: [2, 10, 3] }]) {
      expect(layersMessage(v), JSON.stringify(v)).toBe("layers: expected a layer list as a string of widths joined by '-', e.g. '2-10-3'");
    }
    // Long junk is quoted cut short.
    expect(layersMessage('x'.repeat(1000)).length).toBeLessThan(200);
  });

  it('refuses everything when the control declares no limits, and follows other limits', () => {
    const { layers: _, ...bare } = layerList;
    expect(layersMessage('2-10-10-3', bare)).toMatch(/declares no layer limits/);
    const deep: LessonOption = { ...layerList, layers: { input: 784, output: 10, minHidden: 2, maxHidden: 2, minUnits: 4, maxUnits: 64 } };
    expect(layersMessage('784-64-4-10', deep)).toBe('ok');
    expect(layersMessage('784-64-10', deep)).toBe('layers: expected 2 hidden layers between input and output, got 1');
    expect(layersMessage(7, deep)).toMatch(/e\.g\. '784-10-10-10'/);
  });

  it('refuses a payload whole when one value is a bad list', () => {
    const shuffle: LessonOption = { name: 'shuffle', label: 'shuffle', kind: 'boolean', default: true };
    expect(validateOptionValues({ shuffle: false, layers: '2-10-3' }, [layerList, shuffle]).ok).toBe(true);
    expect(validateOptionValues({ shuffle: false, layers: '2-10-3-3-' }, [layerList, shuffle]).ok).toBe(false);
  });
});
