import { describe, expect, it } from 'vitest';
import { changedByText } from './changedBy.ts';

describe('changedByText', () => {
  it('says what changed and who changed it', () => {
    expect(changedByText({ by: { name: 'Alice', role: 'viewer' }, changes: { lr: [0.1, 0.03] } })).toBe('lr 0.1→0.03 by Alice');
  });
  it('lists several changes made at once', () => {
    expect(
      changedByText({ by: { name: 'Prof', role: 'presenter' }, changes: { lr: [0.1, 0.03], batchNorm: [false, true] } }),
    ).toBe('lr 0.1→0.03, batch norm on by Prof');
  });
  it('keeps a name as plain text', () => {
    expect(changedByText({ by: { name: '<b>Eve</b>', role: 'viewer' }, changes: { lr: [1, 2] } })).toBe('lr 1→2 by <b>Eve</b>');
  });
  it('is empty when nothing changed', () => {
    expect(changedByText({ by: { name: 'Alice', role: 'viewer' }, changes: {} })).toBe('');
  });
});
