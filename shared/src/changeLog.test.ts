import type { Annotation } from './protocol.ts';
import { describe, expect, it } from 'vitest';
import { ChangeLog } from './changeLog.ts';

const at = (step: number, generation = 1): Annotation => ({
  step,
  generation,
  by: { name: 'Ada', role: 'presenter' },
  kind: 'hp',
  changes: { lr: [0.1, 0.03] },
  at: 0,
});

describe('ChangeLog', () => {
  it('keeps the newest entries up to its bound', () => {
    const log = new ChangeLog(3);
    for (const s of [1, 2, 3, 4, 5]) log.add(at(s));
    expect(log.entries.map((a) => a.step)).toEqual([3, 4, 5]);
  });

  it('a generation starting at step s keeps the changes up to s (revert, rebuild), and drops the later ones', () => {
    const log = new ChangeLog();
    for (const s of [0, 10, 40, 41, 90]) log.add(at(s));
    log.restartAt(40);
    expect(log.entries.map((a) => a.step)).toEqual([0, 10, 40]);
  });

  it('a generation starting at step 0 (reset, restarting option) empties it', () => {
    const log = new ChangeLog();
    for (const s of [0, 10]) log.add(at(s));
    log.restartAt(0);
    expect(log.entries).toEqual([]);
  });

  it('a rebuild keeps every earlier change, and the new generation adds its own at its start step', () => {
    const log = new ChangeLog();
    log.add(at(10));
    log.restartAt(50);
    log.add(at(50, 2));
    expect(log.entries.map((a) => [a.generation, a.step])).toEqual([
      [1, 10],
      [2, 50],
    ]);
  });

  it('generation after generation, the smallest start on the way limits an old change', () => {
    const log = new ChangeLog();
    for (const s of [30, 70]) log.add(at(s));
    log.restartAt(80);
    log.add(at(81, 2));
    log.restartAt(30);
    expect(log.entries.map((a) => a.step)).toEqual([30]);
    log.restartAt(0);
    log.add(at(3, 4));
    log.restartAt(20);
    expect(log.entries.map((a) => a.step)).toEqual([3]);
  });
});
