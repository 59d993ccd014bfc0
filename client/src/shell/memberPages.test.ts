import { describe, expect, it } from 'vitest';
import { clampOffset, MEMBERS_PAGE_SIZE, pageMoves, pageRange } from './memberPages.ts';

describe('pageRange', () => {
  it('names the rows shown, 1-based, and the total', () => {
    expect(pageRange(40, 25, 812)).toBe('41–65 of 812');
    expect(pageRange(0, 25, 812)).toBe('1–25 of 812');
  });
  it('ends a short last page at the total', () => {
    expect(pageRange(800, 12, 812)).toBe('801–812 of 812');
  });
  it('groups thousands', () => {
    expect(pageRange(1000, 25, 1200)).toBe('1,001–1,025 of 1,200');
  });
  it('says 0 of N on an empty page', () => {
    expect(pageRange(0, 0, 0)).toBe('0 of 0');
    expect(pageRange(50, 0, 30)).toBe('0 of 30');
  });
});

describe('pageMoves', () => {
  it('has no Previous on the first page and no Next on the last', () => {
    expect(pageMoves(0, 812)).toEqual({ prev: false, next: true });
    expect(pageMoves(800, 812)).toEqual({ prev: true, next: false });
    expect(pageMoves(25, 75)).toEqual({ prev: true, next: true });
    expect(pageMoves(50, 75)).toEqual({ prev: true, next: false });
  });
  it('has neither for one page', () => {
    expect(pageMoves(0, MEMBERS_PAGE_SIZE)).toEqual({ prev: false, next: false });
    expect(pageMoves(0, 0)).toEqual({ prev: false, next: false });
  });
});

describe('clampOffset', () => {
  it('keeps an offset inside the list', () => {
    expect(clampOffset(50, 812)).toBe(50);
  });
  it('goes to the last page when members left past it', () => {
    expect(clampOffset(100, 60)).toBe(50);
    expect(clampOffset(100, 50)).toBe(25);
    expect(clampOffset(25, 0)).toBe(0);
  });
});
