import { describe, expect, it } from 'vitest';
import { localPath, parseRoute, viewerLink } from './route.ts';

describe('parseRoute', () => {
  it('reads the landing page', () => {
    expect(parseRoute('/')).toEqual({ page: 'landing' });
    expect(parseRoute('')).toEqual({ page: 'landing' });
  });
  it('reads a viewer room and a presenter room', () => {
    expect(parseRoute('/r/abc123')).toEqual({ page: 'room', roomId: 'abc123' });
    expect(parseRoute('/r/abc123/', '#key=k-9')).toEqual({ page: 'room', roomId: 'abc123', presenterKey: 'k-9' });
    expect(parseRoute('/r/abc', '', '?name=Ada')).toEqual({ page: 'room', roomId: 'abc', name: 'Ada' });
  });
  it('sends anything else to not-found', () => {
    expect(parseRoute('/r/')).toMatchObject({ page: 'not-found' });
    expect(parseRoute('/r/a/b')).toMatchObject({ page: 'not-found' });
  });
  it('builds viewer links and local paths', () => {
    expect(viewerLink('http://h:1', 'abc')).toBe('http://h:1/r/abc');
    expect(localPath('http://other:3000/r/abc#key=k', 'http://h:1')).toBe('/r/abc#key=k');
  });
});
