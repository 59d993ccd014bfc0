import { HANDS_SHOWN } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { Hands, lowerSchema, raiseSchema } from './hands.ts';

describe('Hands', () => {
  it('raises and lowers, oldest first, counting each member once', () => {
    const h = new Hands();
    expect(h.set('a', 'Asha', true)).toBe(true);
    expect(h.set('b', 'Bo', true)).toBe(true);
    expect(h.set('a', 'Asha', true)).toBe(false);
    expect(h.view()).toEqual({ count: 2, raised: [{ id: 'a', name: 'Asha' }, { id: 'b', name: 'Bo' }] });
    expect(h.set('a', 'Asha', false)).toBe(true);
    expect(h.view().raised.map((r) => r.id)).toEqual(['b']);
    expect(h.has('b')).toBe(true);
  });

  it('the presenter lowers one or all', () => {
    const h = new Hands();
    for (const id of ['a', 'b', 'c']) h.set(id, id, true);
    expect(h.lower('b')).toEqual(['b']);
    expect(h.lower('nobody')).toEqual([]);
    expect(h.lower()).toEqual(['a', 'c']);
    expect(h.view().count).toBe(0);
  });

  it('lists at most HANDS_SHOWN, counting all', () => {
    const h = new Hands();
    for (let k = 0; k < HANDS_SHOWN + 10; k++) h.set(`m${k}`, `M${k}`, true);
    expect(h.view().count).toBe(HANDS_SHOWN + 10);
    expect(h.view().raised.length).toBe(HANDS_SHOWN);
  });

  it('schemas refuse what is not a boolean or a member id', () => {
    expect(raiseSchema.safeParse({ raised: 'yes' }).success).toBe(false);
    expect(raiseSchema.safeParse({}).success).toBe(false);
    expect(lowerSchema.safeParse({}).success).toBe(true);
    expect(lowerSchema.safeParse({ memberId: '' }).success).toBe(false);
  });
});
