import { clientAddress, RateLimiter, VERIFY_CERTIFICATE_LIMIT } from '../src';

describe('rate limiter', () => {
  it('allows the limit per window and per client, then answers the seconds to wait', async () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(VERIFY_CERTIFICATE_LIMIT, () => now);
    expect(await limiter.take('10.0.0.1', 15)).toBeNull();
    expect(await limiter.take('10.0.0.1', 15)).toBeNull();
    expect(await limiter.take('10.0.0.1', 1)).toBe(60);
    expect(await limiter.take('10.0.0.2', 1)).toBeNull();
    now += 45_500;
    expect(await limiter.take('10.0.0.1', 1)).toBe(15);
    now += 14_500;
    expect(await limiter.take('10.0.0.1', 30)).toBeNull();
  });
});

describe('client address', () => {
  const peer = '10.1.0.5';

  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(peer, '203.0.113.7', 0)).toBe(peer);
    expect(clientAddress(peer, undefined, 0)).toBe(peer);
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('counts trusted hops from the right of X-Forwarded-For, so entries a client wrote are not believed', () => {
    // client -> load balancer -> gateway: the balancer appended the client.
    expect(clientAddress(peer, '203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress(peer, 'forged, 203.0.113.7', 1)).toBe('203.0.113.7');
    // client -> CDN -> load balancer -> gateway: the CDN appended the client, the balancer the CDN.
    expect(clientAddress(peer, 'forged,203.0.113.7 , 198.51.100.2', 2)).toBe('203.0.113.7');
    expect(clientAddress(peer, '2001:db8::1, 198.51.100.2', 2)).toBe('2001:db8::1');
    // Several headers arrive joined by Node; given as a list they read the same.
    expect(clientAddress(peer, ['forged', '203.0.113.7'], 1)).toBe('203.0.113.7');
  });

  it('falls back to the leftmost entry when fewer than the trusted hops are there, and to the peer without the header', () => {
    expect(clientAddress(peer, '203.0.113.7', 3)).toBe('203.0.113.7');
    expect(clientAddress(peer, undefined, 1)).toBe(peer);
    expect(clientAddress(peer, ' , ', 1)).toBe(peer);
  });
});
