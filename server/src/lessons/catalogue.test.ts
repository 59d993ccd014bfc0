import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listLessons } from './catalogue.ts';
import { getDemoLesson, getTrainingLesson } from './registry.ts';

describe('the lesson catalogue', () => {
  it('lists every lesson in catalogue order, each info the one the registry runs it with', () => {
    const ids = listLessons().map((l) => l.id);
    expect(ids).toHaveLength(37);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    for (const info of listLessons()) expect(getTrainingLesson(info.id)?.info ?? getDemoLesson(info.id)?.info).toBe(info);
  });

  it('loads no tfjs: the socket thread lists lessons without it (tfjs-core creates globalThis._tfengine on import)', () => {
    // A fresh process: this one has tfjs loaded already (the registry above).
    const catalogue = fileURLToPath(new URL('./catalogue.ts', import.meta.url));
    const script = `import(${JSON.stringify(catalogue)}).then((c) => console.log(JSON.stringify({ n: c.listLessons().length, tf: typeof globalThis._tfengine })))`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ n: 37, tf: 'undefined' });
  });
});
