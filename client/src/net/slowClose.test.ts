import { SLOW_CLOSE_CODE } from '@gradcast/shared';
import { describe, expect, it } from 'vitest';
import { slowCloseMessage } from './slowClose.ts';

describe('slowCloseMessage', () => {
  it('says why for the slow-member close, in the browser and in Node, and nothing for other disconnects', () => {
    const reason = 'too slow: 68 messages and 57 KB were waiting; reconnecting brings the room back';
    expect(slowCloseMessage({ context: { code: SLOW_CLOSE_CODE, reason } })).toContain(reason);
    expect(slowCloseMessage({ context: { code: SLOW_CLOSE_CODE, reason: new TextEncoder().encode(reason) } })).toContain(reason);
    expect(slowCloseMessage({ context: { code: SLOW_CLOSE_CODE, reason: '' } })).toContain('(too slow)');
    expect(slowCloseMessage({ context: { code: 1006 } })).toBeNull();
    expect(slowCloseMessage(undefined)).toBeNull();
  });
});
