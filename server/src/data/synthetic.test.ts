import { describe, expect, it } from 'vitest';
import {
  bars,
  biasLine,
  bump1d,
  multiInput,
  multiOutput,
  noisySquare,
  outlierLine,
  polynomialBoundary,
  polynomialBoundaryF,
  slopeLine,
  spiral,
  threeClass1d,
  threeClassBumps1d,
  threshold1d,
  toyConstant,
  twoBumps1d,
  xor,
} from './synthetic.ts';

const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
const std = (a: ArrayLike<number>) => {
  const m = mean(a);
  return Math.sqrt(Array.from(a).reduce((s, v) => s + (v - m) ** 2, 0) / a.length);
};
const counts = (labels: Int32Array, k: number) => Array.from({ length: k }, (_, c) => labels.filter((l) => l === c).length);

describe('chapter 2–3 lines', () => {
  it('ch02-01 grid: 60 points −3.0…2.9, noise-free mean(x²) = 3.001667 and y = −3x', () => {
    const d = slopeLine(1, { noise: 0 });
    expect(d.n).toBe(60);
    expect(d.x[0]).toBe(-3);
    expect(d.x[30]).toBe(0);
    expect(d.x[59]).toBeCloseTo(2.9, 6);
    expect(mean(Array.from(d.x, (x) => x * x))).toBeCloseTo(3.001667, 5);
    d.x.forEach((x, i) => expect(d.y[i]).toBeCloseTo(-3 * x, 5));
  });

  it('ch02-01 gradient-descent path from w = −10, lr 0.1: −5.79767 → −4.11813 → −3.44688 → −3.17860', () => {
    const d = slopeLine(1, { noise: 0 });
    let w = -10;
    const path: number[] = [];
    for (let k = 0; k < 4; k++) {
      const grad = mean(Array.from(d.x, (x, i) => 2 * (w * x - d.y[i]!) * x));
      w -= 0.1 * grad;
      path.push(w);
    }
    [-5.79767, -4.11813, -3.44688, -3.1786].forEach((v, k) => expect(path[k]).toBeCloseTo(v, 4));
  });

  it('ch02-03: noise-free mean(x) = −0.05; first gradients at (−15, −10) = (−95.1533, −16.4)', () => {
    const d = biasLine(1, { noise: 0 });
    expect(mean(d.x)).toBeCloseTo(-0.05, 6);
    const r = Array.from(d.x, (x, i) => -15 * x - 10 - d.y[i]!);
    expect(mean(r.map((ri, i) => 2 * ri * d.x[i]!))).toBeCloseTo(-95.1533, 3);
    expect(mean(r.map((ri) => 2 * ri))).toBeCloseTo(-16.4, 4);
  });

  it('noise is 0.1·ε around the clean line, and f is the clean line', () => {
    const d = biasLine(3);
    const resid = Array.from(d.y, (y, i) => y - d.f[i]!);
    expect(std(resid)).toBeGreaterThan(0.06);
    expect(std(resid)).toBeLessThan(0.14);
    d.x.forEach((x, i) => expect(d.f[i]).toBeCloseTo(x - 1, 6));
  });

  it('ch03-03: outliers at y[0] = 0 and y[50…54] = 20 (x = 2.0…2.4) in train only; val has its own noise', () => {
    const { train, val } = outlierLine(5);
    expect(train.y[0]).toBe(0);
    for (let i = 50; i < 55; i++) expect(train.y[i]).toBe(20);
    expect(train.x[50]).toBeCloseTo(2.0, 6);
    expect(train.x[54]).toBeCloseTo(2.4, 6);
    expect(train.f[0]).toBeCloseTo(10, 6);
    expect(val.y.some((y) => y === 20)).toBe(false);
    expect(val.y[10]).not.toBe(train.y[10]);
    const clean = outlierLine(5, { outliers: false });
    expect(clean.train.y[0]).not.toBe(0);
  });

  it('ch03-03 options: the outlier value replaces the 20s only; noise 0 gives the true line, outliers aside', () => {
    const { train } = outlierLine(5, { outlierValue: -7 });
    for (let i = 50; i < 55; i++) expect(train.y[i]).toBe(-7);
    expect(train.y[0]).toBe(0);
    expect(train.y[10]).toBe(outlierLine(5).train.y[10]);
    const flat = outlierLine(5, { noise: 0 });
    expect(flat.train.y[1]).toBeCloseTo(-3 * flat.train.x[1]! + 1, 6);
    flat.val.y.forEach((y, i) => expect(y).toBeCloseTo(-3 * flat.val.x[i]! + 1, 6));
  });
});

describe('chapter 4 multi-input / multi-output', () => {
  it('ch04-01: 20 rows with x1 = x2 = −1.0…0.9; f = x1 + x2 + 1', () => {
    const d = multiInput(1);
    expect(d.n).toBe(20);
    expect(d.x.length).toBe(40);
    for (let i = 0; i < 20; i++) {
      expect(d.x[2 * i]).toBe(d.x[2 * i + 1]);
      expect(d.x[2 * i]).toBeCloseTo(-1 + 0.1 * i, 6);
      expect(d.f[i]).toBeCloseTo(2 * d.x[2 * i]! + 1, 6);
    }
    const de = multiInput(1, { decorrelate: true });
    expect(Array.from({ length: 20 }, (_, i) => de.x[2 * i] === de.x[2 * i + 1]).every(Boolean)).toBe(false);
  });

  it('ch04-02: Y = X·W + b with W = [[1,−1],[1,3]], b = [1,−1]; the same noise on both columns', () => {
    const d = multiOutput(1);
    expect(d.yDim).toBe(2);
    for (let i = 0; i < 20; i++) {
      const [x1, x2] = [d.x[2 * i]!, d.x[2 * i + 1]!];
      expect(d.f[2 * i]).toBeCloseTo(x1 + x2 + 1, 6);
      expect(d.f[2 * i + 1]).toBeCloseTo(-x1 + 3 * x2 - 1, 6);
      expect(d.y[2 * i]! - d.f[2 * i]!).toBeCloseTo(d.y[2 * i + 1]! - d.f[2 * i + 1]!, 6);
      expect(Math.abs(d.y[2 * i]! - d.f[2 * i]!)).toBeLessThan(0.01);
    }
  });
});

describe('chapters 5–7 classification sets', () => {
  it('ch05-02: 7 positives at x = 0.3…0.9, x = 0.2 is class 0', () => {
    const d = threshold1d();
    expect(d.n).toBe(20);
    expect(counts(d.labels, 2)).toEqual([13, 7]);
    expect(d.x[12]).toBeCloseTo(0.2, 6);
    expect(d.labels[12]).toBe(0);
    expect(d.labels[13]).toBe(1);
  });

  it('ch06-01: 40 points, counts 11/19/10, x = −1.0 is class 0 and x = 1.0 class 2', () => {
    const d = threeClass1d();
    expect(counts(d.labels, 3)).toEqual([11, 19, 10]);
    expect(d.x[10]).toBe(-1);
    expect(d.labels[10]).toBe(0);
    expect(d.x[30]).toBe(1);
    expect(d.labels[30]).toBe(2);
  });

  it('ch07-01 bump: 40 integers −20…19, 7 ones at −3…3', () => {
    const d = bump1d();
    expect(d.x[0]).toBe(-20);
    expect(d.x[39]).toBe(19);
    expect(counts(d.labels, 2)).toEqual([33, 7]);
    expect(Array.from(d.x).filter((_, i) => d.labels[i] === 1)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it('ch07-02 two bumps: linspace(−20, 20, 100), 26 ones', () => {
    const d = twoBumps1d();
    expect(d.n).toBe(100);
    expect(d.x[0]).toBe(-20);
    expect(d.x[99]).toBe(20);
    expect(counts(d.labels, 2)).toEqual([74, 26]);
  });

  it('ch07-05b: 74 / 13 / 13', () => {
    expect(counts(threeClassBumps1d().labels, 3)).toEqual([74, 13, 13]);
  });

  it('ch07-03 XOR: 25 per corner in block order, jitter std ≈ 0.01 added once', () => {
    const d = xor(2);
    expect(d.n).toBe(100);
    expect(Array.from(d.labels.slice(0, 25)).every((l) => l === 0)).toBe(true);
    expect(d.labels[25]).toBe(1);
    expect(d.labels[50]).toBe(1);
    expect(d.labels[99]).toBe(0);
    const corners = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const dev = Array.from(d.x, (v, k) => v - corners[Math.floor(Math.floor(k / 2) / 25)]![k % 2]!);
    expect(std(dev)).toBeGreaterThan(0.008);
    expect(std(dev)).toBeLessThan(0.012);
    expect(() => xor(1, { n: 10 })).toThrow(RangeError);
  });

  it('ch01-02 toy set: 100 × x = [2, 2], y = [1]', () => {
    const d = toyConstant();
    expect(d.n).toBe(100);
    expect(d.x.every((v) => v === 2)).toBe(true);
    expect(d.y.every((v) => v === 1)).toBe(true);
  });
});

describe('chapter 8 sets', () => {
  it('spiral 3×500 in class order; the noise moves only the angle, so |point| = r = i/499', () => {
    const d = spiral(0);
    expect(d.n).toBe(1500);
    expect(counts(d.labels, 3)).toEqual([500, 500, 500]);
    expect(d.labels[499]).toBe(0);
    expect(d.labels[500]).toBe(1);
    for (const k of [0, 1, 250, 499, 500, 1234, 1499]) {
      const i = k % 500;
      expect(Math.hypot(d.x[2 * k]!, d.x[2 * k + 1]!)).toBeCloseTo(i / 499, 5);
    }
    // Without noise, class j's last point sits at angle 4(j+1): (sin, cos) at r = 1.
    const clean = spiral(0, { noise: 0 });
    expect(clean.x[2 * 499]).toBeCloseTo(Math.sin(4), 5);
    expect(clean.x[2 * 499 + 1]).toBeCloseTo(Math.cos(4), 5);
  });

  it('ch08-03: 1000 + 1000 points, labels from the clean points, training noise std 0.2 once (not 0.283)', () => {
    const { train, val } = polynomialBoundary(4);
    expect(train.n).toBe(1000);
    expect(val.n).toBe(1000);
    for (let i = 0; i < train.n; i++) {
      expect(train.labels[i]).toBe(polynomialBoundaryF(train.xClean[2 * i]!, train.xClean[2 * i + 1]!) > 0 ? 1 : 0);
    }
    const noiseTrain = std(Array.from(train.x, (v, k) => v - train.xClean[k]!));
    const noiseVal = std(Array.from(val.x, (v, k) => v - val.xClean[k]!));
    expect(noiseTrain).toBeCloseTo(0.2, 1);
    expect(Math.abs(noiseTrain - 0.2)).toBeLessThan(0.01);
    expect(Math.abs(noiseVal - 0.15)).toBeLessThan(0.01);
    const c = counts(train.labels, 2);
    expect(Math.min(...c)).toBeGreaterThan(200); // both classes well represented
    expect(train.xClean.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('ch08-04: linspace(−1, 1, 40), f = x², independent train and validation noise', () => {
    const { train, val } = noisySquare(0);
    expect(train.n).toBe(40);
    expect(train.x[0]).toBe(-1);
    expect(train.x[39]).toBe(1);
    train.x.forEach((x, i) => expect(train.f[i]).toBeCloseTo(x * x, 6));
    expect(Array.from(train.y)).not.toEqual(Array.from(val.y));
    const flat = noisySquare(0, { noise: 0 });
    expect(Array.from(flat.train.y)).toEqual(Array.from(flat.train.f));
  });
});

describe('ch09-04 bars', () => {
  it('10,000 images split exactly 5,000 / 5,000 in class order; pixels only inside the bar, ≈ 90 % on', () => {
    const d = bars(1, 10_000);
    expect(d.images.length).toBe(10_000 * 121);
    expect(counts(d.labels, 2)).toEqual([5000, 5000]);
    expect(d.labels[4999]).toBe(0);
    expect(d.labels[5000]).toBe(1);
    const inVertical = (r: number, c: number) => r >= 1 && r <= 9 && c >= 4 && c <= 6;
    let on = 0;
    let outside = 0;
    for (let k = 0; k < d.n; k++) {
      for (let r = 0; r < 11; r++) {
        for (let c = 0; c < 11; c++) {
          const v = d.images[k * 121 + r * 11 + c]!;
          const inside = d.labels[k] === 0 ? inVertical(r, c) : inVertical(c, r);
          if (inside) on += v;
          else outside += v;
        }
      }
    }
    expect(outside).toBe(0);
    expect(on / (d.n * 27)).toBeCloseTo(0.9, 2);
    expect(counts(bars(0, 1000).labels, 2)).toEqual([500, 500]);
  });

  it('offset moves the bar but keeps it whole inside the image', () => {
    const d = bars(3, 200, { p: 1, offset: true });
    const firstOn = new Set<number>();
    for (let k = 0; k < d.n; k++) {
      const img = d.images.subarray(k * 121, (k + 1) * 121);
      expect(img.reduce((s, v) => s + v, 0)).toBe(27);
      firstOn.add(img.indexOf(1));
    }
    expect(firstOn.size).toBeGreaterThan(5);
  });
});

describe('determinism', () => {
  it.each([
    ['slopeLine', (s: number) => slopeLine(s).y],
    ['biasLine', (s: number) => biasLine(s).y],
    ['outlierLine', (s: number) => outlierLine(s).val.y],
    ['multiInput', (s: number) => multiInput(s).y],
    ['multiOutput', (s: number) => multiOutput(s).y],
    ['xor', (s: number) => xor(s).x],
    ['spiral', (s: number) => spiral(s).x],
    ['polynomialBoundary', (s: number) => polynomialBoundary(s).val.x],
    ['noisySquare', (s: number) => noisySquare(s).train.y],
    ['bars', (s: number) => bars(s, 50).images],
  ])('%s: same seed, same data; another seed, other data', (_name, make) => {
    expect(Array.from(make(7))).toEqual(Array.from(make(7)));
    expect(Array.from(make(8))).not.toEqual(Array.from(make(7)));
  });
});
