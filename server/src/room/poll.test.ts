import { describe, expect, it } from 'vitest';
import { openSchema, Poll } from './poll.ts';

describe('openSchema', () => {
  it('accepts a question with 2..6 answers, cleaned to plain text', () => {
    const r = openSchema.safeParse({ question: '  What will the loss do\u202e if lr = 1? ', options: ['goes down', 'oscillates', 'diverges'] });
    expect(r.success && r.data.question).toBe('What will the loss do if lr = 1?');
  });
  it('refuses fewer than 2 or more than 6 answers, empty text, extra fields', () => {
    expect(openSchema.safeParse({ question: 'q', options: ['a'] }).success).toBe(false);
    expect(openSchema.safeParse({ question: 'q', options: ['1', '2', '3', '4', '5', '6', '7'] }).success).toBe(false);
    expect(openSchema.safeParse({ question: ' ', options: ['a', 'b'] }).success).toBe(false);
    expect(openSchema.safeParse({ question: 'q', options: ['a', '\u200b'] }).success).toBe(false);
    expect(openSchema.safeParse({ question: 'q', options: ['a', 'b'], x: 1 }).success).toBe(false);
  });
  it('cuts long text', () => {
    const r = openSchema.safeParse({ question: 'x'.repeat(300), options: ['y'.repeat(100), 'b'] });
    expect(r.success && [r.data.question.length, r.data.options[0]?.length]).toEqual([200, 80]);
  });
});

describe('Poll', () => {
  it('one answer per member, changeable until the reveal; counts to presenters, to everyone once revealed', () => {
    const p = new Poll('lr = 1?', ['down', 'oscillates', 'diverges']);
    expect(p.answer('a', p.id, 2)).toBeNull();
    expect(p.answer('b', p.id, 2)).toBeNull();
    expect(p.answer('a', p.id, 0)).toBeNull(); // changed
    expect(p.view(true).counts).toEqual([1, 0, 1]);
    expect(p.view(false)).toMatchObject({ answered: 2, counts: null, state: 'open' });
    expect(p.view(false, 'a').yours).toBe(0);
    expect(p.view(false, 'z').yours).toBeNull();
    p.reveal();
    expect(p.view(false).counts).toEqual([1, 0, 1]);
    expect(p.answer('c', p.id, 1)?.code).toBe('conflict');
    expect(p.view(true).counts).toEqual([1, 0, 1]);
  });

  it('refuses another poll’s id and out-of-range choices, changing nothing', () => {
    const p = new Poll('q', ['a', 'b']);
    expect(p.answer('a', 'old', 0)?.code).toBe('not_found');
    expect(p.answer('a', p.id, 2)?.code).toBe('invalid');
    expect(p.answer('a', p.id, -1)?.code).toBe('invalid');
    expect(p.answer('a', p.id, 0.5)?.code).toBe('invalid');
    expect(p.view(true)).toMatchObject({ answered: 0, counts: [0, 0] });
  });

  it('a member who leaves takes their answer while the poll is open, not after the reveal', () => {
    const p = new Poll('q', ['a', 'b']);
    p.answer('a', p.id, 1);
    p.answer('b', p.id, 1);
    expect(p.drop('a')).toBe(true);
    expect(p.view(true).counts).toEqual([0, 1]);
    p.reveal();
    expect(p.drop('b')).toBe(false);
    expect(p.view(false).counts).toEqual([0, 1]);
  });
});
