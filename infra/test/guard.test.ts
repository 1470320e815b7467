import { RateLimiter, VERIFY_CERTIFICATE_LIMIT } from '../src';

describe('rate limiter', () => {
  it('allows the limit per window and per client, then answers the seconds to wait', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(VERIFY_CERTIFICATE_LIMIT, () => now);
    expect(limiter.take('10.0.0.1', 15)).toBeNull();
    expect(limiter.take('10.0.0.1', 15)).toBeNull();
    expect(limiter.take('10.0.0.1', 1)).toBe(60);
    expect(limiter.take('10.0.0.2', 1)).toBeNull();
    now += 45_500;
    expect(limiter.take('10.0.0.1', 1)).toBe(15);
    now += 14_500;
    expect(limiter.take('10.0.0.1', 30)).toBeNull();
  });
});
