/**
 * The address a rate limit counts a request against. With no trusted proxy (`trustedHops` 0) it
 * is the TCP peer. Behind `trustedHops` proxies the peer is the nearest proxy, and each proxy
 * appended the address it was reached from to X-Forwarded-For, so the client is the entry
 * `trustedHops` from the right; entries further left were written by the client and are not
 * believed. A header with fewer entries than that (a request that skipped a proxy) gives its
 * leftmost entry, and no header gives the peer.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const direct = peer ?? 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (!hops.length) return direct;
  return hops[Math.max(0, hops.length - trustedHops)];
}
