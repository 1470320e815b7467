import { createHash } from 'node:crypto';
import { JetStreamApiCodes, JetStreamApiError, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect, nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { natsServerList } from '../bus/nats.config';
import type { RateLimit, RateLimitStore } from './rate-limit.store';
import { RateLimiter } from './rate-limit.store';

export interface NatsRateLimitOptions {
  /** NATS_URL: one server or a cluster's nodes separated by commas. */
  url: string;
  /** Names the bucket, one per limit (e.g. `verify_certificate`): a-z, 0-9 and _. */
  name: string;
  /** NATS_NAMESPACE: several environments on one server count apart. */
  namespace?: string;
  /** NATS_REPLICAS: copies of the bucket on a JetStream cluster. */
  replicas?: number;
  logger?: Logger;
  /** Longest a take may spend on NATS (connecting included) before the in-memory window answers it. */
  timeoutMs?: number;
  /** After a failure, how long takes count in memory before NATS is tried again. */
  pauseMs?: number;
}

const TIMEOUT_MS = 2_000;
const PAUSE_MS = 5_000;

/** The bucket a limit's windows live in: `[<NAMESPACE>_]RATE_LIMIT_<NAME>`. */
export function rateLimitBucket(name: string, namespace?: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`rate limit name may hold only a-z, 0-9 and _, got "${name}"`);
  return `${namespace ? `${namespace.toUpperCase()}_` : ''}RATE_LIMIT_${name.toUpperCase()}`;
}

const lostRace = (err: unknown): boolean =>
  err instanceof JetStreamApiError &&
  (err.code === JetStreamApiCodes.StreamWrongLastSequence ||
    err.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);

/**
 * Fixed windows shared by every gateway process on one NATS: a JetStream KeyValue bucket holds a
 * count per client and window (key: a hash of the address, which has characters keys may not
 * hold, and the window's number since the epoch), each increment a compare-and-set on the entry's
 * revision, retried when another process wrote first. The bucket's max age is the window, so
 * past windows go by themselves. When NATS cannot answer (not reachable, too slow, an outage),
 * this process's in-memory windows count instead, with one warning per outage, and NATS is tried
 * again after `pauseMs`: a NATS outage loosens the limit to one window per process, it never
 * refuses a look-up or fails it.
 */
export class NatsRateLimiter implements RateLimitStore {
  private readonly fallback: RateLimiter;
  private readonly timeoutMs: number;
  private readonly pauseMs: number;
  private bucket?: Promise<{ nc: NatsConnection; kv: KV }>;
  private pausedUntil = 0;
  private outage = false;
  private closed = false;

  constructor(
    readonly limit: RateLimit,
    private readonly options: NatsRateLimitOptions,
  ) {
    this.fallback = new RateLimiter(limit);
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    this.pauseMs = options.pauseMs ?? PAUSE_MS;
  }

  async take(client: string, cost: number): Promise<number | null> {
    if (!this.closed && Date.now() >= this.pausedUntil) {
      const deadline = Date.now() + this.timeoutMs;
      try {
        const wait = await this.takeShared(client, cost, deadline);
        if (this.outage) {
          this.outage = false;
          this.options.logger?.info({ limit: this.options.name }, 'rate limit windows shared on NATS again');
        }
        return wait;
      } catch (err) {
        this.pausedUntil = Date.now() + this.pauseMs;
        if (!this.outage) {
          this.outage = true;
          this.options.logger?.warn(
            { err, limit: this.options.name },
            'rate limit windows unavailable on NATS: counting in this process until NATS answers again',
          );
        }
      }
    }
    return this.fallback.take(client, cost);
  }

  /** Closes the connection; later takes count in memory. */
  async close(): Promise<void> {
    this.closed = true;
    const opened = await this.bucket?.catch(() => undefined);
    await opened?.nc.close();
  }

  private async takeShared(client: string, cost: number, deadline: number): Promise<number | null> {
    const { kv } = await this.open();
    const { requests, windowMs } = this.limit;
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const wait = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    const key = `${createHash('sha256').update(client).digest('hex').slice(0, 32)}.${window}`;
    for (;;) {
      const entry = await kv.get(key);
      const live = entry?.operation === 'PUT' ? entry : null;
      const used = live ? Number(live.string()) : 0;
      if (used + cost > requests) return wait;
      try {
        if (live) await kv.update(key, String(used + cost), live.revision);
        else await kv.create(key, String(cost));
        return null;
      } catch (err) {
        if (!lostRace(err)) throw err;
        if (Date.now() > deadline)
          throw new Error(`rate limit window ${key} still contended after ${this.timeoutMs} ms`);
      }
    }
  }

  /** Connects and opens the bucket once; a failure is forgotten, so the next try starts over. */
  private open(): Promise<{ nc: NatsConnection; kv: KV }> {
    this.bucket ??= this.connect().catch((err: unknown) => {
      this.bucket = undefined;
      throw err;
    });
    return this.bucket;
  }

  private async connect(): Promise<{ nc: NatsConnection; kv: KV }> {
    const { name, namespace, replicas = 1, logger } = this.options;
    const bucket = rateLimitBucket(name, namespace);
    const servers = natsServerList(this.options.url);
    if (!servers.length) throw new Error('no NATS server given');
    const nc = await connect({
      servers,
      timeout: this.timeoutMs,
      // Once connected, the client rides out an outage itself; takes meanwhile count in memory.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      name: (logger?.bindings().service ?? logger?.bindings().name) as string | undefined,
    });
    try {
      const kv = await new Kvm(jetstream(nc, { timeout: this.timeoutMs })).create(bucket, {
        history: 1,
        ttl: this.limit.windowMs,
        replicas,
      });
      // A bucket made for a shorter window would forget counts before their window ends.
      const jsm = await jetstreamManager(nc, { timeout: this.timeoutMs });
      const stream = `KV_${bucket}`;
      const info = await jsm.streams.info(stream);
      if (info.config.max_age !== nanos(this.limit.windowMs))
        await jsm.streams.update(stream, { max_age: nanos(this.limit.windowMs) });
      return { nc, kv };
    } catch (err) {
      await nc.close().catch(() => undefined);
      throw err;
    }
  }
}
