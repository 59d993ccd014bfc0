/** Waiting for a bench's child process (a load generator on an IPC channel) to say something. */
import type { ChildProcess } from 'node:child_process';

/** The child's next message of type `t`, or null after `ms`; rejects if the child exits first. */
export function nextMessage<T extends { t: string }>(child: ChildProcess, t: T['t'], ms: number): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(null), ms);
    const onMessage = (m: { t: string }): void => {
      if (m.t === t) done(m as T);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`the load generator exited (code ${code}) while waiting for "${t}"`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const done = (v: T | null): void => {
      cleanup();
      resolve(v);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** The child's next message of type `t`; rejects after `ms` or if the child exits first. */
export async function needMessage<T extends { t: string }>(child: ChildProcess, t: T['t'], ms: number): Promise<T> {
  const m = await nextMessage<T>(child, t, ms);
  if (!m) throw new Error(`the load generator sent no "${t}" within ${ms / 1000} s`);
  return m;
}
