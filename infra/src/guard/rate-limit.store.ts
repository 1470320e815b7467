export interface RateLimit {
  /** Limited root fields a client may ask for per window (each alias counts). */
  requests: number;
  windowMs: number;
}

/** verifyCertificate: enough for a desk checking certificates by hand, far too few to walk the number space. */
export const VERIFY_CERTIFICATE_LIMIT: RateLimit = { requests: 30, windowMs: 60_000 };

/** Where a limit's windows are counted: this process's memory, or a store the gateway replicas share. */
export interface RateLimitStore {
  readonly limit: RateLimit;
  /** Takes `cost` from the client's window; answers the seconds to wait when it would go over. */
  take(client: string, cost: number): Promise<number | null>;
}

/** Fixed windows per client address, in memory: each gateway process counts its own clients. */
export class RateLimiter implements RateLimitStore {
  private readonly windows = new Map<string, { start: number; used: number }>();
  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  take(client: string, cost: number): Promise<number | null> {
    return Promise.resolve(this.takeNow(client, cost));
  }

  private takeNow(client: string, cost: number): number | null {
    const now = this.now();
    if (this.windows.size > 10_000)
      for (const [key, w] of this.windows) if (now - w.start >= this.limit.windowMs) this.windows.delete(key);
    let w = this.windows.get(client);
    if (!w || now - w.start >= this.limit.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(client, w);
    }
    if (w.used + cost > this.limit.requests)
      return Math.max(1, Math.ceil((w.start + this.limit.windowMs - now) / 1000));
    w.used += cost;
    return null;
  }
}
