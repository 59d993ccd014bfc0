import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JoinCodes, normalizeJoinCode, randomJoinCode } from './joinCodes.ts';

describe('join code alphabet', () => {
  it('has no look-alike characters', () => {
    for (const ch of '0OQ1IL') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    // Of each pair that reads alike, at most one is in.
    for (const pair of ['2Z', '5S', '8B', '6G', 'UV']) expect([...pair].filter((ch) => JOIN_CODE_ALPHABET.includes(ch)).length).toBeLessThan(2);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('draws codes of JOIN_CODE_LENGTH characters of the alphabet, using all of it', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = randomJoinCode();
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
      for (const ch of code) seen.add(ch);
    }
    // 3,000 uniform draws over 21 characters miss one with probability ~21·(20/21)^3000 ≈ 0.
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });
});

describe('normalizeJoinCode', () => {
  it('accepts lower case, spaces, dashes and dots as a student types them', () => {
    expect(normalizeJoinCode('acd-efh')).toBe('ACDEFH');
    expect(normalizeJoinCode('  ACD EFH \n')).toBe('ACDEFH');
    expect(normalizeJoinCode('a.c.d_e f-h')).toBe('ACDEFH');
  });

  it('refuses the wrong length and characters outside the alphabet', () => {
    expect(normalizeJoinCode('ACDEF')).toBeNull();
    expect(normalizeJoinCode('ACDEFHJ')).toBeNull();
    expect(normalizeJoinCode('ACDEF0')).toBeNull(); // 0 is not in the alphabet
    expect(normalizeJoinCode('ACD/EF')).toBeNull();
    expect(normalizeJoinCode('')).toBeNull();
  });
});

describe('JoinCodes', () => {
  it('issues one code per room, looked up case- and spacing-tolerantly', () => {
    const codes = new JoinCodes();
    const a = codes.issue('room-a');
    const b = codes.issue('room-b');
    expect(a).not.toBe(b);
    expect(codes.issue('room-a')).toBe(a); // idempotent
    expect(codes.codeOf('room-a')).toBe(a);
    expect(codes.lookup(a)).toBe('room-a');
    expect(codes.lookup(`${a.slice(0, 3).toLowerCase()}-${a.slice(3)}`)).toBe('room-a');
    expect(codes.lookup(` ${a.split('').join(' ')} `)).toBe('room-a');
    const unissued = [...JOIN_CODE_ALPHABET].map((c) => c.repeat(JOIN_CODE_LENGTH)).find((c) => c !== a && c !== b);
    expect(codes.lookup(unissued as string)).toBeUndefined();
    expect(codes.size).toBe(2);
  });

  it('draws again when a code is taken, so codes stay unique among live rooms', () => {
    // Scripted draws: the first room gets AAAAAA… (index 5 is 'A'), the second draws it too, then a fresh one.
    const script = [...Array(6).fill(5), ...Array(6).fill(5), ...Array(6).fill(6)];
    const codes = new JoinCodes(() => script.shift() ?? 0);
    expect(codes.issue('r1')).toBe('AAAAAA');
    expect(codes.issue('r2')).toBe('CCCCCC');
    expect(codes.lookup('aaaaaa')).toBe('r1');
    expect(codes.lookup('cccccc')).toBe('r2');
  });

  it('gives up (throws) rather than reuse a live code', () => {
    const codes = new JoinCodes(() => 0);
    codes.issue('r1');
    expect(() => codes.issue('r2')).toThrow(/no free join code/);
    expect(codes.codeOf('r2')).toBeUndefined();
  });

  it('forgets a dropped room: its code stops working and can be drawn again', () => {
    const codes = new JoinCodes(() => 0);
    const code = codes.issue('r1');
    codes.drop('r1');
    expect(codes.lookup(code)).toBeUndefined();
    expect(codes.codeOf('r1')).toBeUndefined();
    expect(codes.issue('r2')).toBe(code);
    codes.drop('unknown'); // no-op
    codes.clear();
    expect(codes.size).toBe(0);
  });

  it('keeps many rooms unique', () => {
    const codes = new JoinCodes();
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(codes.issue(`room-${i}`));
    expect(seen.size).toBe(2000);
    expect(codes.size).toBe(2000);
  });
});
