import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameDecodeError, HEAD_BYTES, peekFrame } from './codec.ts';
import { field, type Frame } from './frames.ts';

const frame = (): Frame => ({
  channel: 'surface',
  generation: 3,
  step: 1234,
  meta: { xMin: -15, xMax: 15, xLabel: 'w', exact: true },
  fields: {
    z: field('q16', new Float32Array([0, 1, 2, NaN, 1000, 0.5]), [2, 3]),
    step: field('f64', new Float64Array([1, 2, 2 ** 40])),
    theta: field('f32', new Float32Array([-15, -10])),
    ids: field('i32', new Int32Array([-1, 7])),
    img: field('u8', new Uint8Array([0, 255, 3])),
  },
});

describe('frame codec', () => {
  it('round-trips every dtype, meta and the fixed head', () => {
    const bytes = encodeFrame(frame());
    expect(bytes.byteLength % 8).toBe(0);
    const out = decodeFrame(bytes);
    expect(out.channel).toBe('surface');
    expect(out.generation).toBe(3);
    expect(out.step).toBe(1234);
    expect(out.meta).toEqual({ xMin: -15, xMax: 15, xLabel: 'w', exact: true });
    expect(Array.from(out.fields.step!.data)).toEqual([1, 2, 2 ** 40]);
    expect(Array.from(out.fields.theta!.data)).toEqual([-15, -10]);
    expect(Array.from(out.fields.ids!.data)).toEqual([-1, 7]);
    expect(Array.from(out.fields.img!.data)).toEqual([0, 255, 3]);
    expect(out.fields.z!.dims).toEqual([2, 3]);
  });

  it('quantises q16 to within 1/65534 of the finite range and keeps NaN', () => {
    const z = decodeFrame(encodeFrame(frame())).fields.z!.data;
    const src = [0, 1, 2, NaN, 1000, 0.5];
    src.forEach((v, i) => {
      if (Number.isNaN(v)) expect(Number.isNaN(z[i]!)).toBe(true);
      else expect(Math.abs(z[i]! - v)).toBeLessThanOrEqual(1000 / 65534);
    });
  });

  it('quantises q8 to within 1/254 of the finite range, keeps NaN, and takes one byte per value', () => {
    const src = Float32Array.from([-0.3, 0.3, 0, NaN, 0.1, -0.05]);
    const small = encodeFrame({ channel: 'panels', generation: 1, step: 0, meta: {}, fields: { t: field('q8', src, [2, 3]) } });
    const wide = encodeFrame({ channel: 'panels', generation: 1, step: 0, meta: {}, fields: { t: field('q16', src, [2, 3]) } });
    const out = decodeFrame(small).fields.t!;
    expect(out.dims).toEqual([2, 3]);
    src.forEach((v, i) => {
      if (Number.isNaN(v)) expect(Number.isNaN(out.data[i]!)).toBe(true);
      else expect(Math.abs(out.data[i]! - v)).toBeLessThanOrEqual(0.6 / 254 / 2 + 1e-7);
    });
    // Extremes are exact, so a diverging colour map's ends land on the data's ends.
    expect(out.data[0]).toBeCloseTo(-0.3, 6);
    expect(out.data[1]).toBeCloseTo(0.3, 6);
    const big = Float32Array.from({ length: 4000 }, (_, i) => Math.sin(i));
    const b8 = encodeFrame({ channel: 'panels', generation: 1, step: 0, meta: {}, fields: { t: field('q8', big) } });
    const b16 = encodeFrame({ channel: 'panels', generation: 1, step: 0, meta: {}, fields: { t: field('q16', big) } });
    expect(b16.byteLength - b8.byteLength).toBeGreaterThanOrEqual(3990);
    expect(wide.byteLength).toBeGreaterThanOrEqual(small.byteLength);
  });

  it('peeks the head without the descriptor', () => {
    expect(peekFrame(encodeFrame(frame()))).toEqual({ channel: 'surface', generation: 3, step: 1234 });
  });

  it('decodes from an unaligned view (as socket.io may hand a Buffer slice)', () => {
    const bytes = new Uint8Array(encodeFrame(frame()));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const out = decodeFrame(new Uint8Array(shifted.buffer, 3, bytes.length));
    expect(Array.from(out.fields.step!.data)).toEqual([1, 2, 2 ** 40]);
  });

  it('rejects garbage, truncation and mismatched dims with FrameDecodeError / RangeError', () => {
    expect(() => decodeFrame(new ArrayBuffer(4))).toThrow(FrameDecodeError);
    expect(() => decodeFrame(new Uint8Array(HEAD_BYTES + 8).buffer)).toThrow(/magic/);
    const bytes = encodeFrame(frame());
    expect(() => decodeFrame(bytes.slice(0, bytes.byteLength - 16))).toThrow(/truncated/);
    expect(() =>
      encodeFrame({ ...frame(), fields: { a: field('f32', new Float32Array(3), [2, 2]) } }),
    ).toThrow(RangeError);
  });
});
