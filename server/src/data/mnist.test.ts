import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPilBilinearResizer, loadMnist, MnistError, parseIdx, resizeTo16, type MnistSplit } from './mnist.ts';

/**
 * Oracle: Pillow 9.4 (`Image.fromarray(img, 'L').resize((16, 16), Image.BILINEAR)`, what torchvision's Resize
 * does to the course's PIL images), run offline on the same IDX bytes; every one of the 60,000 images matched
 * byte for byte when this was written. Below: train[0] and test[0] in full (hex, row-major 16×16), and FNV-1a
 * over the bytes of the first 2,000 resized training images.
 */
const PIL_TRAIN0 =
  '0000000000000000000000000000000000000000000000000000000000000000000000000000000205151b192f17000000000001153760889cbca99ec34d00000000000361daedf4e0ed7540330d0000000000002875c6c23c502400000000000000000000026db11d00000000000000000000000000199f90430600000000000000000000000134a7cd590a0000000000000000000000011983e25302000000000000000000021956aaf5630200000000000000011054b5e9de902300000000000003145095e5e19f440d0000000000000043b4e6dfb44b0d0000000000000000002245412a0d00000000000000000000000000000000000000000000000000';
const PIL_TEST0 =
  '0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000814100500000000000000000000000050ab9e72565555544915000000000000326271a5b0babdb9db51000000000000000000060b111369c02a0000000000000000000000001fc479080000000000000000000000046ec12201000000000000000000000018b3640300000000000000000000000c82b9170000000000000000000000015cd05a01000000000000000000000020b48f0f00000000000000000000000581e03e0000000000000000000000001dd1c1280000000000000000000000001063330300000000000000';
const PIL_FNV_FIRST_2000 = 0x27fee8af;

const toBytes = (unit: Float32Array) => Uint8Array.from(unit, (v) => Math.round(v * 255));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

let train: MnistSplit;
let test: MnistSplit;
let trainMs = 0;
const progress: [number, string][] = [];

beforeAll(async () => {
  const t0 = performance.now();
  train = await loadMnist('train', { onProgress: (f, m) => progress.push([f, m]) });
  trainMs = performance.now() - t0;
  test = await loadMnist('test');
});

describe('loadMnist', () => {
  it('60,000 train and 10,000 test images of 28×28 with the known labels', () => {
    expect([train.n, train.rows, train.cols]).toEqual([60_000, 28, 28]);
    expect(train.images.length).toBe(60_000 * 784);
    expect(train.labels.length).toBe(60_000);
    expect(test.n).toBe(10_000);
    expect([train.labels[0], train.labels[1], train.labels[3], test.labels[0]]).toEqual([5, 0, 1, 7]);
    console.info(`MNIST train loaded in ${trainMs.toFixed(0)} ms`);
  });

  it('pixels are byte/255 in [0, 1], no normalisation (mean ≈ 0.1307)', () => {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of train.images) {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    expect(sum / train.images.length).toBeCloseTo(0.13066, 4);
    expect(train.images[7 * 28 + 12]! * 255).toBeCloseTo(Math.round(train.images[7 * 28 + 12]! * 255), 4);
  });

  it('reports monotone progress ending at 1; a later call gets the cached arrays and one (1, cached) report', async () => {
    expect(progress.length).toBeGreaterThan(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    expect(progress.at(-1)![0]).toBe(1);
    const later: number[] = [];
    const again = await loadMnist('train', { onProgress: (f) => later.push(f) });
    expect(again).toBe(train);
    expect(later).toEqual([1]);
  });
});

describe('resizeTo16 (PIL bilinear with antialiasing, issue 26)', () => {
  it('matches Pillow byte for byte on train[0], test[0] and the first 2,000 training images', () => {
    const t16 = resizeTo16(train.images, train.n);
    expect(t16.length).toBe(60_000 * 256);
    expect(hex(toBytes(t16.subarray(0, 256)))).toBe(PIL_TRAIN0);
    expect(fnv1a(toBytes(t16.subarray(0, 2000 * 256)))).toBe(PIL_FNV_FIRST_2000);
    expect(hex(toBytes(resizeTo16(test.images, test.n).subarray(0, 256)))).toBe(PIL_TEST0);
    expect(resizeTo16(train.images, train.n)).toBe(t16); // cached per process
  });

  it('is a plausible downsample: values in [0, 1], mean intensity kept within 1 %', () => {
    const t16 = resizeTo16(test.images, test.n);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(mean(t16) / mean(test.images) - 1)).toBeLessThan(0.01);
    expect(t16.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('a constant image stays constant; a 2-pixel-wide line spreads over its neighbours (antialiasing)', () => {
    const c = new Float32Array(784).fill(200 / 255);
    expect(toBytes(resizeTo16(c, 1)).every((b) => b === 200)).toBe(true);
    // Columns 14–15 lit. Plain bilinear samples at x = 1.75·(i + ½) − ½ = …, 12.625, 14.375, 16.125, …, so exactly
    // one output column (i = 8) would see the line, at full 255; the widened triangle spreads it over several.
    const line = new Uint8Array(784);
    for (let r = 0; r < 28; r++) line[r * 28 + 14] = line[r * 28 + 15] = 255;
    const out = new Uint8Array(256);
    createPilBilinearResizer(28, 28, 16, 16)(line, out);
    const row = Array.from(out.subarray(8 * 16, 9 * 16));
    expect(row.filter((v) => v > 0).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...row)).toBeLessThan(255);
    // Ink per row ≈ 2·255/1.75 (within 3 %: the normalised triangle is not exactly area-preserving).
    expect(Math.abs((row.reduce((s, v) => s + v, 0) * 1.75) / 510 - 1)).toBeLessThan(0.03);
    expect(() => resizeTo16(new Float32Array(10), 1)).toThrow(RangeError);
  });
});

describe('bad files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gradcast-mnist-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const header = (magic: number, dims: number[]) => {
    const b = Buffer.alloc(4 + 4 * dims.length);
    b.writeUInt32BE(magic, 0);
    dims.forEach((d, i) => b.writeUInt32BE(d, 4 + 4 * i));
    return b;
  };

  it('missing files: a clear error naming the path', async () => {
    await expect(loadMnist('test', { dataDir: dir })).rejects.toThrow(/MNIST file not found: .*t10k-labels-idx1-ubyte/);
  });

  it('wrong magic number', async () => {
    writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), Buffer.concat([header(0x803, [3]), Buffer.alloc(3)]));
    writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), Buffer.alloc(32));
    await expect(loadMnist('test', { dataDir: dir })).rejects.toThrow(MnistError);
    await expect(loadMnist('test', { dataDir: dir })).rejects.toThrow(/magic 0x00000803, expected 0x00000801/);
  });

  it('truncated payload, and a well-formed file of the wrong size', async () => {
    writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), Buffer.concat([header(0x801, [10_000]), Buffer.alloc(10_000)]));
    writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), Buffer.concat([header(0x803, [10_000, 28, 28]), Buffer.alloc(1000)]));
    await expect(loadMnist('test', { dataDir: dir })).rejects.toThrow(/truncated or corrupt/);
    writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), Buffer.concat([header(0x803, [2, 28, 28]), Buffer.alloc(2 * 784)]));
    await expect(loadMnist('test', { dataDir: dir })).rejects.toThrow(/expected 10000 images/);
  });

  it('parseIdx reads the header dimensions', () => {
    const f = parseIdx(new Uint8Array(Buffer.concat([header(0x803, [2, 3, 4]), Buffer.alloc(24, 7)])), 0x803, 'x');
    expect(f.dims).toEqual([2, 3, 4]);
    expect(f.data.length).toBe(24);
    expect(() => parseIdx(new Uint8Array(4), 0x803, 'x')).toThrow(/too short/);
  });
});
