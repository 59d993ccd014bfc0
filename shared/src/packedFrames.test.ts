import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, HEAD_BYTES } from './codec.ts';
import { field } from './frames.ts';
import { isPackedFrames, PackedFramesError, packFrames, unpackFrames } from './packedFrames.ts';

const encoded = (step: number, n: number) =>
  encodeFrame({ channel: 'metrics', generation: 2, step, meta: { live: true }, fields: { loss: field('f64', new Float64Array(n).fill(step)) } });

/** A frame-shaped block whose length (in its head) is not a multiple of 8. */
function oddBlock(length: number, fill: number): Uint8Array {
  const b = new Uint8Array(length).fill(fill);
  new DataView(b.buffer).setUint32(20, length, true);
  return b;
}

describe('packed frames', () => {
  it('round-trips frames as views into the one message, each 8-aligned and whole', () => {
    const frames = [encoded(1, 3), oddBlock(HEAD_BYTES + 5, 7), encoded(2, 1000)];
    const packed = packFrames(frames);
    expect(isPackedFrames(packed)).toBe(true);
    const out = unpackFrames(packed.buffer as ArrayBuffer); // as a browser receives it
    expect(out.length).toBe(3);
    for (const v of out) {
      expect(v.buffer).toBe(packed.buffer);
      expect(v.byteOffset % 8).toBe(0);
    }
    expect(Array.from(decodeFrame(out[0]!).fields.loss!.data)).toEqual([1, 1, 1]);
    expect(Array.from(out[1]!.subarray(HEAD_BYTES))).toEqual([7, 7, 7, 7, 7]);
    expect(decodeFrame(out[2]!).fields.loss!.data.length).toBe(1000);
    expect(unpackFrames(packFrames([]))).toEqual([]);
  });

  it('is told apart from a frame and from other bytes, and refuses a cut or lying message', () => {
    expect(isPackedFrames(encoded(1, 1))).toBe(false); // a plain frame starts with 'GC'
    expect(isPackedFrames(new Uint8Array([0x47, 0x50]))).toBe(false);
    expect(() => unpackFrames(new Uint8Array(16))).toThrow(PackedFramesError);
    const packed = packFrames([encoded(1, 8), encoded(2, 8)]);
    expect(() => unpackFrames(packed.subarray(0, packed.byteLength - 8))).toThrow(/frame 1 of 2 runs past/);
    const lying = packed.slice();
    new DataView(lying.buffer).setUint32(4, 3, true); // says three frames, holds two
    expect(() => unpackFrames(lying)).toThrow(/frame 2 of 3 starts past/);
  });
});
