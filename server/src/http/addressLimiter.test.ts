import { describe, expect, it } from 'vitest';
import { limitKey, AddressLimiter } from './addressLimiter.ts';

describe('AddressLimiter', () => {
  it('allows `burst` misses, then refuses with the seconds until the next one refills', () => {
    let t = 0;
    const limiter = new AddressLimiter({ burst: 3, perMinute: 6 }, () => t); // a miss back every 10 s
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1')).toBe(0);
      limiter.charge('10.0.0.1');
    }
    expect(limiter.retryAfter('10.0.0.1')).toBe(10);
    t = 4_000;
    expect(limiter.retryAfter('10.0.0.1')).toBe(6);
    t = 10_000;
    expect(limiter.retryAfter('10.0.0.1')).toBe(0);
    limiter.charge('10.0.0.1');
    expect(limiter.retryAfter('10.0.0.1')).toBe(10);
  });

  it('refills at most to `burst`', () => {
    let t = 0;
    const limiter = new AddressLimiter({ burst: 2, perMinute: 60 }, () => t);
    limiter.charge('a');
    t = 3_600_000;
    limiter.charge('a');
    limiter.charge('a');
    expect(limiter.retryAfter('a')).toBe(1);
  });

  it('keeps addresses apart', () => {
    const limiter = new AddressLimiter({ burst: 1, perMinute: 1 }, () => 0);
    limiter.charge('10.0.0.1');
    expect(limiter.retryAfter('10.0.0.1')).toBe(60);
    expect(limiter.retryAfter('10.0.0.2')).toBe(0);
    expect(limiter.size).toBe(1);
  });

  it('limits an IPv6 host by its /64, and an IPv4-mapped address as IPv4', () => {
    const limiter = new AddressLimiter({ burst: 1, perMinute: 1 }, () => 0);
    limiter.charge('2001:db8:1:2::1');
    expect(limiter.retryAfter('2001:db8:1:2:ffff::9')).toBe(60);
    expect(limiter.retryAfter('2001:db8:1:3::1')).toBe(0);
    limiter.charge('::ffff:10.1.2.3');
    expect(limiter.retryAfter('10.1.2.3')).toBe(60);
  });
});

describe('limitKey', () => {
  it('writes every form of one /64 the same way', () => {
    expect(limitKey('2001:0db8:0000:0000:0001:0002:0003:0004')).toBe('2001:db8:0:0::/64');
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('127.0.0.1')).toBe('127.0.0.1');
    expect(limitKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
  });
});
