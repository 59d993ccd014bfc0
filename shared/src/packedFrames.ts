/**
 * Several binary frames (codec.ts) in ONE binary WebSocket message: what a member that asked for it in its
 * handshake (`auth.frames: 'packed'`) receives instead of a `frames` event. Socket.IO's default parser sends a
 * binary event as one text message plus one message per buffer, each written by its own syscall and its own
 * event-loop turn on the server; for a room of a thousand viewers that per-message cost is most of the socket
 * thread's work, so a packet of frames is one message here. Layout (little-endian):
 *
 *   0   u8  0x47 'G'
 *   1   u8  0x50 'P'
 *   2   u8  version (1)
 *   3   u8  0 (reserved)
 *   4   u32 number of frames
 *   8   the frames, each starting at an offset that is a multiple of 8 (so its typed-array views need no copy),
 *       each as long as its own head says (codec.ts: total length at byte 20), zero bytes between them
 */
import { HEAD_BYTES } from './codec.ts';

export const PACKED_MAGIC_0 = 0x47;
export const PACKED_MAGIC_1 = 0x50;
export const PACKED_VERSION = 1;
const PACKED_HEAD = 8;
/** Where a frame's total length sits in its head (codec.ts). */
const FRAME_LENGTH_AT = 20;
const align8 = (n: number): number => (n + 7) & ~7;

function viewOf(bytes: ArrayBuffer | ArrayBufferView): Uint8Array {
  return bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function packFrames(frames: readonly (ArrayBuffer | ArrayBufferView)[]): Uint8Array {
  const views = frames.map(viewOf);
  let size = PACKED_HEAD;
  for (const v of views) size = align8(size) + v.byteLength;
  const out = new Uint8Array(size);
  out[0] = PACKED_MAGIC_0;
  out[1] = PACKED_MAGIC_1;
  out[2] = PACKED_VERSION;
  new DataView(out.buffer).setUint32(4, views.length, true);
  let at = PACKED_HEAD;
  for (const v of views) {
    at = align8(at);
    out.set(v, at);
    at += v.byteLength;
  }
  return out;
}

/** Whether `bytes` starts like a packed message (the magic and a version this code reads). */
export function isPackedFrames(bytes: ArrayBuffer | ArrayBufferView): boolean {
  const v = viewOf(bytes);
  return v.byteLength >= PACKED_HEAD && v[0] === PACKED_MAGIC_0 && v[1] === PACKED_MAGIC_1 && v[2] === PACKED_VERSION;
}

export class PackedFramesError extends Error {}

/** The frames of a packed message, as views into it (no copy). Throws PackedFramesError on a malformed message. */
export function unpackFrames(bytes: ArrayBuffer | ArrayBufferView): Uint8Array[] {
  const v = viewOf(bytes);
  if (!isPackedFrames(v)) throw new PackedFramesError('not a packed frames message');
  const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
  const count = dv.getUint32(4, true);
  const frames: Uint8Array[] = [];
  let at = PACKED_HEAD;
  for (let i = 0; i < count; i++) {
    at = align8(at);
    if (at + HEAD_BYTES > v.byteLength) throw new PackedFramesError(`frame ${i} of ${count} starts past the message's end`);
    const length = dv.getUint32(at + FRAME_LENGTH_AT, true);
    if (length < HEAD_BYTES || at + length > v.byteLength) throw new PackedFramesError(`frame ${i} of ${count} runs past the message's end`);
    frames.push(v.subarray(at, at + length));
    at += length;
  }
  return frames;
}
