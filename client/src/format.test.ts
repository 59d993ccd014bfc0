import { describe, expect, it } from 'vitest';
import { evalLabel, formatDecade, formatLoss, formatPercent, formatRate, formatValue, roundSig } from './format.ts';

describe('format', () => {
  it('shows hyperparameters with up to 4 significant digits', () => {
    expect(formatValue(0.1)).toBe('0.1');
    expect(formatValue(0.3)).toBe('0.3');
    expect(formatValue(0.031622776)).toBe('0.03162');
    expect(formatValue(1e-4)).toBe('0.0001');
    expect(formatValue(10)).toBe('10');
    expect(formatValue(200)).toBe('200');
    expect(formatValue('adam')).toBe('adam');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(undefined)).toBe('—');
  });
  it('rounds what it sends so the readout is exact', () => {
    expect(roundSig(0.031622776)).toBe(0.03162);
    expect(formatValue(roundSig(0.031622776))).toBe('0.03162');
    expect(roundSig(0)).toBe(0);
  });
  it('formats losses, including diverged ones', () => {
    expect(formatLoss(835.0312)).toBe('835');
    expect(formatLoss(0.0123456)).toBe('0.01235');
    expect(formatLoss(1.5e9)).toBe('1.500e+9');
    expect(formatLoss(NaN)).toBe('NaN');
    expect(formatLoss(Infinity)).toBe('∞');
    expect(formatLoss(null)).toBe('—');
  });
  it('formats byte rates', () => {
    expect(formatRate(12345)).toBe('12.3 KB/s');
    expect(formatRate(250000)).toBe('250 KB/s');
  });
  it('labels decades compactly', () => {
    expect(formatDecade(1000)).toBe('1000');
    expect(formatDecade(0.01)).toBe('0.01');
    expect(formatDecade(0.001)).toBe('0.001');
    expect(formatDecade(1e17)).toBe('1e17');
    expect(formatDecade(1e-5)).toBe('1e-5');
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a percentage with one decimal', () => {
    expect(formatPercent(0.9123)).toBe('91.2%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('evalLabel', () => {
  it('splits camel case into lower-case words', () => {
    expect(evalLabel('testAccuracy')).toBe('test accuracy');
    expect(evalLabel('trainLoss')).toBe('train loss');
    expect(evalLabel('accuracy')).toBe('accuracy');
  });
});
