import { describe, expect, it } from 'vitest';
import { constantNote, constantValue, legendGradient, levelOf, NAN_RGB, scaleColor, scaleDomain } from './colorScale.ts';

describe('scaleDomain', () => {
  it('is ±max|v| on the diverging scale and the data range on the sequential one, skipping NaN', () => {
    expect(scaleDomain([-0.5, 2, NaN], 'diverging')).toEqual({ scale: 'diverging', lo: -2, hi: 2, nonFinite: 1 });
    expect(scaleDomain([1, 3, Infinity], 'sequential')).toEqual({ scale: 'sequential', lo: 1, hi: 3, nonFinite: 1 });
  });
  it('is [0, 1] on the grey scale whatever the data, and picks a scale from the signs when none is stated', () => {
    expect(scaleDomain([0.2, 4], 'grey')).toEqual({ scale: 'grey', lo: 0, hi: 1, nonFinite: 0 });
    expect(scaleDomain([-1, 3]).scale).toBe('diverging');
    expect(scaleDomain([1, 3]).scale).toBe('sequential');
  });
  it('has a usable range for empty, all-NaN and all-zero data', () => {
    expect(scaleDomain([NaN, NaN], 'diverging')).toMatchObject({ lo: -1, hi: 1, nonFinite: 2 });
    expect(scaleDomain([0, 0], 'diverging')).toMatchObject({ lo: -1, hi: 1 });
    expect(scaleDomain([])).toMatchObject({ scale: 'sequential', lo: 0, hi: 1 });
  });
});

describe('scaleColor', () => {
  it('draws negative blue, zero near-white and positive red on the diverging scale', () => {
    const d = scaleDomain([-1, 1], 'diverging');
    const [nr, , nb] = scaleColor(-1, d);
    const [pr, , pb] = scaleColor(1, d);
    expect(nb).toBeGreaterThan(nr + 40);
    expect(pr).toBeGreaterThan(pb + 40);
    expect(Math.min(...scaleColor(0, d))).toBeGreaterThan(225);
  });
  it('draws viridis on the sequential scale and black-to-white on the grey one', () => {
    expect(scaleColor(0, scaleDomain([0, 1], 'sequential'))).toEqual([68, 1, 84]);
    const g = scaleDomain([0, 1], 'grey');
    expect(scaleColor(0, g)).toEqual([0, 0, 0]);
    expect(scaleColor(1, g)).toEqual([255, 255, 255]);
    expect(scaleColor(2, g)).toEqual([255, 255, 255]);
  });
  it('draws non-finite values mid grey', () => {
    expect(scaleColor(NaN, scaleDomain([0, 1], 'sequential'))).toEqual(NAN_RGB);
    expect(levelOf(-Infinity, scaleDomain([0, 1]))).toBe(-1);
  });
  it('puts a flat domain at the middle level', () => {
    expect(levelOf(3, { scale: 'sequential', lo: 3, hi: 3, nonFinite: 0 })).toBe(128);
  });
});

describe('legendGradient', () => {
  it('runs from the low end to the high end of the scale', () => {
    const g = legendGradient('grey', 3);
    expect(g).toBe('linear-gradient(to right, rgb(0 0 0) 0%, rgb(128 128 128) 50%, rgb(255 255 255) 100%)');
  });
});

describe('constantValue and constantNote', () => {
  it('finds the one value of a field that holds nothing else, ignoring non-finite entries', () => {
    expect(constantValue([0, 0, NaN, 0])).toBe(0);
    expect(constantValue([2.5])).toBe(2.5);
    expect(constantValue([0, 0, 1e-9])).toBeNull();
    expect(constantValue([NaN])).toBeNull();
    expect(constantValue([])).toBeNull();
  });

  it('says a dead layer is inactive rather than drawing a 0–0 colour bar', () => {
    expect(constantNote(0)).toBe('all units inactive (0)');
    expect(constantNote(-0)).toBe('all units inactive (0)');
    expect(constantNote(0.25)).toBe('all values 0.25');
  });
});
