import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.ts';
import type { GradcastServer, GradcastSocket } from './io.ts';

const socket = (id: string) => ({ id, join: () => {}, leave: () => {} }) as unknown as GradcastSocket;

describe('Pacer channel union', () => {
  it('reports the union of the members’ channels when, and only when, it changes', () => {
    const seen: string[][] = [];
    const p = new Pacer({} as GradcastServer, 'r', {} as never, 30, (c) => seen.push(c));
    const a = socket('a');
    const b = socket('b');
    p.subscribe(a, ['metrics', 'panels']);
    p.subscribe(b, ['metrics']);
    expect(seen).toEqual([['metrics', 'panels']]); // b adds nothing new
    p.subscribe(a, ['metrics']); // a scrolls its views away
    expect(seen.at(-1)).toEqual(['metrics']);
    p.unsubscribe(b);
    expect(seen.length).toBe(2); // a still watches metrics
    p.unsubscribe(a);
    expect(seen.at(-1)).toEqual([]);
    expect(p.channels()).toEqual([]);
  });
});
