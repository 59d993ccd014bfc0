/**
 * What the benches read about CPU and load (Linux /proc where it exists; null elsewhere), so that a figure is
 * always reported with what else the machine was doing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 where it cannot be asked). */
export function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** CPU seconds of this process's main thread (Linux: /proc/self/task/<pid>/stat), or null elsewhere. */
export function mainThreadCpuS(ticksPerS: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / ticksPerS; // utime, stime: fields 14 and 15
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (Linux: /proc/stat, every state but idle and iowait), or null. */
export function hostBusyCpuS(ticksPerS: number): number | null {
  try {
    const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
    return (user + nice + system + irq + softirq + steal) / ticksPerS;
  } catch {
    return null;
  }
}

/** The 1-minute load average, to two decimals. */
export const load1 = (): number => Number((loadavg()[0] as number).toFixed(2));

/** All three load averages, as a log line shows them. */
export const loads = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
