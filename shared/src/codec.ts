/**
 * Binary form of a Frame (little-endian). Layout, in bytes:
 *
 *   0   u8  0x47 'G'
 *   1   u8  0x43 'C'
 *   2   u8  version (1)
 *   3   u8  channel id (CHANNELS index + 1)
 *   4   u32 generation
 *   8   f64 step
 *   16  u32 descriptor length D (bytes of UTF-8 JSON)
 *   20  u32 total length of the frame in bytes
 *   24  D bytes of descriptor JSON: { m: meta, f: [{ n: name, t: dtype, d: dims, o: byte offset, q?: [min, max] }] }
 *   …   field blocks, each starting at an offset that is a multiple of 8 (so typed-array views need no copy)
 *
 * The fixed 24-byte head lets a client drop a frame of an older generation without parsing JSON.
 */
import { channelFromId, channelId, type DType, type Field, type Frame, type Meta } from './frames.ts';

export const FRAME_MAGIC_0 = 0x47;
export const FRAME_MAGIC_1 = 0x43;
export const FRAME_VERSION = 1;
export const HEAD_BYTES = 24;
/** Quantised dtypes: the largest level of a finite value (the level above it marks a non-finite one). */
const Q_MAX = { q16: 65534, q8: 254 } as const;
const QARRAY = { q16: Uint16Array, q8: Uint8Array } as const;

/** Writes src quantised over [lo, hi] into `out` (levels 0…max, max + 1 for a non-finite value). */
function quantise(src: ArrayLike<number>, out: Uint16Array | Uint8Array, lo: number, hi: number, max: number): void {
  const scale = hi > lo ? max / (hi - lo) : 0;
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    out[i] = Number.isFinite(v) ? Math.round((v - lo) * scale) : max + 1;
  }
}

function dequantise(raw: Uint16Array | Uint8Array, lo: number, hi: number, max: number): Float32Array {
  const out = new Float32Array(raw.length);
  const step = (hi - lo) / max;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i] as number;
    out[i] = v > max ? NaN : lo + v * step;
  }
  return out;
}

interface FieldDescriptor {
  n: string;
  t: DType;
  d: number[];
  o: number;
  q?: [number, number];
}
interface Descriptor {
  m: Meta;
  f: FieldDescriptor[];
}

/** Bytes per value of each dtype on the wire. */
export const BYTES: Readonly<Record<DType, number>> = { f32: 4, f64: 8, i32: 4, u8: 1, q16: 2, q8: 1 };
const align8 = (n: number): number => (n + 7) & ~7;

export class FrameDecodeError extends Error {}

/** Finite min and max of a float array (0, 0 when none is finite). */
function finiteRange(data: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === Infinity ? [0, 0] : [lo, hi];
}

export function encodeFrame(frame: Frame): ArrayBuffer {
  const enc = new TextEncoder();
  const names = Object.keys(frame.fields);
  // First pass: sizes and quantisation ranges (offsets depend on the descriptor length, so they come second).
  const descs: FieldDescriptor[] = names.map((n) => {
    const f = frame.fields[n] as Field;
    const count = f.dims.reduce((a, b) => a * b, 1);
    if (count !== f.data.length) {
      throw new RangeError(`field ${n}: dims ${f.dims.join('×')} hold ${count} values, data has ${f.data.length}`);
    }
    const d: FieldDescriptor = { n, t: f.dtype, d: f.dims, o: 0 };
    if (f.dtype === 'q16' || f.dtype === 'q8') d.q = finiteRange(f.data);
    return d;
  });
  // Offsets are written into the JSON, whose length depends on them; iterate until stable (≤ 3 passes).
  let json = '';
  let jsonBytes: Uint8Array = new Uint8Array(0);
  for (let pass = 0; pass < 4; pass++) {
    let offset = align8(HEAD_BYTES + jsonBytes.length);
    for (const d of descs) {
      d.o = offset;
      offset = align8(offset + (frame.fields[d.n] as Field).data.length * BYTES[d.t]);
    }
    const next = JSON.stringify({ m: frame.meta, f: descs } satisfies Descriptor);
    if (next === json) break;
    json = next;
    jsonBytes = enc.encode(json);
  }
  const last = descs[descs.length - 1];
  const total = last
    ? align8(last.o + (frame.fields[last.n] as Field).data.length * BYTES[last.t])
    : align8(HEAD_BYTES + jsonBytes.length);
  const buf = new ArrayBuffer(total);
  const view = new DataView(buf);
  view.setUint8(0, FRAME_MAGIC_0);
  view.setUint8(1, FRAME_MAGIC_1);
  view.setUint8(2, FRAME_VERSION);
  view.setUint8(3, channelId(frame.channel));
  view.setUint32(4, frame.generation >>> 0, true);
  view.setFloat64(8, frame.step, true);
  view.setUint32(16, jsonBytes.length, true);
  view.setUint32(20, total, true);
  new Uint8Array(buf, HEAD_BYTES, jsonBytes.length).set(jsonBytes);
  for (const d of descs) {
    const src = (frame.fields[d.n] as Field).data;
    switch (d.t) {
      case 'f32':
        new Float32Array(buf, d.o, src.length).set(src);
        break;
      case 'f64':
        new Float64Array(buf, d.o, src.length).set(src);
        break;
      case 'i32':
        new Int32Array(buf, d.o, src.length).set(src);
        break;
      case 'u8':
        new Uint8Array(buf, d.o, src.length).set(src);
        break;
      case 'q16':
      case 'q8': {
        const [lo, hi] = d.q as [number, number];
        quantise(src, new QARRAY[d.t](buf, d.o, src.length), lo, hi, Q_MAX[d.t]);
        break;
      }
    }
  }
  return buf;
}

/** Reads the fixed head only: enough to route or drop a frame. */
export function peekFrame(bytes: ArrayBuffer | ArrayBufferView): { channel: Frame['channel']; generation: number; step: number } {
  const view = toView(bytes);
  checkHead(view);
  const channel = channelFromId(view.getUint8(3));
  if (!channel) throw new FrameDecodeError(`unknown channel id ${view.getUint8(3)}`);
  return { channel, generation: view.getUint32(4, true), step: view.getFloat64(8, true) };
}

export function decodeFrame(bytes: ArrayBuffer | ArrayBufferView): Frame {
  const view = toView(bytes);
  const head = peekFrame(view);
  const descLen = view.getUint32(16, true);
  const total = view.getUint32(20, true);
  if (total > view.byteLength || HEAD_BYTES + descLen > total) {
    throw new FrameDecodeError(`truncated frame: header says ${total} bytes, got ${view.byteLength}`);
  }
  const jsonBytes = new Uint8Array(view.buffer, view.byteOffset + HEAD_BYTES, descLen);
  let desc: Descriptor;
  try {
    desc = JSON.parse(new TextDecoder().decode(jsonBytes)) as Descriptor;
  } catch {
    throw new FrameDecodeError('frame descriptor is not JSON');
  }
  // Field blocks are 8-aligned relative to the frame start; copy when the frame itself is not 8-aligned.
  const aligned = view.byteOffset % 8 === 0;
  const base = aligned ? view.buffer : view.buffer.slice(view.byteOffset, view.byteOffset + total);
  const baseOffset = aligned ? view.byteOffset : 0;
  const fields: Record<string, Field> = {};
  for (const d of desc.f) {
    const count = d.d.reduce((a, b) => a * b, 1);
    if (d.o + count * BYTES[d.t] > total) throw new FrameDecodeError(`field ${d.n} runs past the frame end`);
    const at = baseOffset + d.o;
    let data: Field['data'];
    switch (d.t) {
      case 'f32':
        data = new Float32Array(base, at, count);
        break;
      case 'f64':
        data = new Float64Array(base, at, count);
        break;
      case 'i32':
        data = new Int32Array(base, at, count);
        break;
      case 'u8':
        data = new Uint8Array(base, at, count);
        break;
      case 'q16':
      case 'q8': {
        const [lo, hi] = d.q ?? [0, 0];
        const raw = d.t === 'q16' ? new Uint16Array(base, at, count) : new Uint8Array(base, at, count);
        data = dequantise(raw, lo, hi, Q_MAX[d.t]);
        break;
      }
      default:
        throw new FrameDecodeError(`unknown dtype ${String(d.t)}`);
    }
    fields[d.n] = { dtype: d.t, dims: d.d, data };
  }
  return { ...head, meta: desc.m, fields };
}

function toView(bytes: ArrayBuffer | ArrayBufferView): DataView {
  return bytes instanceof ArrayBuffer
    ? new DataView(bytes)
    : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkHead(view: DataView): void {
  if (view.byteLength < HEAD_BYTES) throw new FrameDecodeError(`frame too short (${view.byteLength} bytes)`);
  if (view.getUint8(0) !== FRAME_MAGIC_0 || view.getUint8(1) !== FRAME_MAGIC_1) {
    throw new FrameDecodeError('not a Gradcast frame (bad magic)');
  }
  if (view.getUint8(2) !== FRAME_VERSION) {
    throw new FrameDecodeError(`unsupported frame version ${view.getUint8(2)}`);
  }
}
