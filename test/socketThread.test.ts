/**
 * The socket thread never loads tfjs: lesson metadata comes from lessons/catalogue.ts (plain data), and training,
 * demos and frames are computed in the engine's worker threads. Checked in a fresh process (a test runner's own
 * process may have loaded tfjs for other tests), with a real app, rooms, joins and option changes.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const probe = fileURLToPath(new URL('./support/socketThreadProbe.ts', import.meta.url));

it('serving rooms loads no tfjs on the socket thread', async () => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', probe], { timeout: 120_000 });
  const result = JSON.parse(stdout.trim().split('\n').pop() as string) as { lessons: number; tfjsLoaded: boolean };
  expect(result.lessons).toBe(37);
  expect(result.tfjsLoaded).toBe(false);
});
