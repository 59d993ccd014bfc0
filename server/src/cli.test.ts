import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The `gradcast` command as a user runs it (bin/gradcast.mjs, a child process): bad input gets exit status 2
// and one line on stderr that names the problem; nothing is trained or benchmarked. None of these reach a
// benchmark or training loop, so each call takes about a second (tsx start-up).

const BIN = fileURLToPath(new URL('../bin/gradcast.mjs', import.meta.url));

function gradcast(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gradcast CLI: bad input', () => {
  it.each([
    [['bench', 'pytorch', '--rounds', '0'], /--rounds must be an integer from 1 to 10, got "0"/],
    [['bench', 'pytorch', '--rounds', '2.5'], /--rounds must be an integer from 1 to 10/],
    [['bench', 'train', '--lessons', 'ch01-01'], /--lessons: "ch01-01" is not a training lesson/],
    [['bench', 'nope'], /unknown bench suite "nope"/],
    [['bench', 'surface', '--share', '1'], /--share must be below 1, got "1"/],
    [['bench', 'surface', '--share', '0'], /--share must be a number > 0/],
    [['train', 'ch99-99'], /ch99-99/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j → exit 2 with a clear message', (args, message) => {
    const r = gradcast(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stdout).toBe('');
  });

  it('bench with no suite prints the usage, which documents --rounds and the surface suite', () => {
    const r = gradcast('bench');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/--rounds N repeats each pair/);
    expect(r.stdout).toMatch(/surface +loss-landscape slices/);
  });
});
