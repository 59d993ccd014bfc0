import { describe, expect, it } from 'vitest';
import { mostlyVisible, panelIdOf } from './panelFocus.ts';

describe('panelIdOf', () => {
  it('reads a panel id from an inline grid-area, short or longhand', () => {
    expect(panelIdOf('loss')).toBe('loss');
    expect(panelIdOf('surface / surface / surface / surface')).toBe('surface');
    expect(panelIdOf('')).toBeNull();
    expect(panelIdOf('1 / 2')).toBeNull();
  });
});

describe('mostlyVisible', () => {
  it('is true when at least half the box (or half the viewport, for a tall one) is in sight', () => {
    expect(mostlyVisible(100, 400, 844)).toBe(true);
    expect(mostlyVisible(700, 1000, 844)).toBe(false);
    expect(mostlyVisible(600, 900, 844)).toBe(true);
    expect(mostlyVisible(-250, 50, 844)).toBe(false);
    expect(mostlyVisible(-100, 2000, 844)).toBe(true);
  });
});
