import { describe, expect, it } from 'vitest';
import { scheduledLr, type Schedule } from './schedules.ts';

/** lessons.md formula 5, lr₀ = 0.2, epochs 1–4. */
const table: [Schedule, number[]][] = [
  [{ kind: 'inverseTime', decay: 1 }, [0.1, 0.0667, 0.05, 0.04]],
  [{ kind: 'exponential', rate: 0.95 }, [0.19, 0.1805, 0.171475, 0.16290125]],
  [{ kind: 'inverseSqrt', k: 1 }, [0.2, 0.141421, 0.11547, 0.1]],
];

describe('learning-rate decay (formula 5)', () => {
  it.each(table)('%o reproduces the notes table', (schedule, expected) => {
    expected.forEach((lr, k) => {
      // 0.0667 is printed to 3 significant digits in the notes.
      const digits = lr === 0.0667 ? 4 : 6;
      expect(scheduledLr(schedule, 0.2, k + 1)).toBeCloseTo(lr, digits);
    });
  });

  it('epoch 0 gives lr₀ for every rule; constant never changes', () => {
    for (const [schedule] of table) expect(scheduledLr(schedule, 0.2, 0)).toBe(0.2);
    expect(scheduledLr({ kind: 'constant' }, 0.3, 7)).toBe(0.3);
  });

  it('rejects a negative epoch', () => {
    expect(() => scheduledLr({ kind: 'constant' }, 0.1, -1)).toThrow(RangeError);
  });
});
