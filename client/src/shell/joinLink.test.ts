import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJoinLink, qrShape, spacedCode, typedAddress } from './joinLink.ts';

describe('join link text', () => {
  it('spaces a code in threes', () => {
    expect(spacedCode('K7M4RX')).toBe('K7M 4RX');
    expect(spacedCode('ABC')).toBe('ABC');
    expect(spacedCode('ABCDEFG')).toBe('ABC DEF G');
  });

  it('gives the address to type without scheme or code', () => {
    expect(typedAddress('https://gradcast.example.org/j/K7M4RX')).toBe('gradcast.example.org/j');
    expect(typedAddress('http://localhost:3000/j/K7M4RX')).toBe('localhost:3000/j');
  });
});

describe('qrShape', () => {
  /** The dark cells the path covers, as "row,col" (runs expanded). */
  const cells = (path: string): Set<string> => {
    const out = new Set<string>();
    for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(m[3]); i++) out.add(`${m[2]},${Number(m[1]) + i}`);
    }
    return out;
  };

  it('draws the symbol inside a 2-module quiet zone, with its three finder patterns', () => {
    const { size, path } = qrShape('http://localhost:3000/j/K7M4RX');
    expect(path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const n = size - 4;
    expect((n - 17) % 4).toBe(0); // QR versions are 21, 25, 29… modules wide
    const dark = cells(path);
    const at = (r: number, c: number): boolean => dark.has(`${r + 2},${c + 2}`);
    // A finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre; at three corners.
    for (const [r0, c0] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      for (let i = 0; i < 7; i++) {
        expect(at(r0, c0 + i) && at(r0 + 6, c0 + i) && at(r0 + i, c0) && at(r0 + i, c0 + 6)).toBe(true);
      }
      expect(at(r0 + 1, c0 + 1)).toBe(false);
      expect(at(r0 + 3, c0 + 3)).toBe(true);
    }
    // Nothing in the quiet zone.
    for (const cell of dark) {
      const [r, c] = cell.split(',').map(Number) as [number, number];
      expect(r >= 2 && r < size - 2 && c >= 2 && c < size - 2).toBe(true);
    }
  });

  it('differs for different links', () => {
    expect(qrShape('http://h/j/K7M4RX').path).not.toBe(qrShape('http://h/j/K7M4RY').path);
  });
});

describe('fetchJoinLink', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads joinCode and joinUrl from the room status', async () => {
    const fetchMock = vi.fn(async () => Response.json({ roomId: 'r/1', joinCode: 'K7M4RX', joinUrl: 'http://h/j/K7M4RX' }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(fetchJoinLink('r/1')).resolves.toEqual({ code: 'K7M4RX', url: 'http://h/j/K7M4RX' });
    expect(fetchMock).toHaveBeenCalledWith('/api/rooms/r%2F1', expect.anything());
  });

  it('fails with the server’s message', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'not_found', message: 'room x not found' } }, { status: 404 }));
    await expect(fetchJoinLink('x')).rejects.toThrow('room x not found');
  });
});
