import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { NatsRateLimitOptions, RateLimit } from '../src';
import { NatsRateLimiter, rateLimitBucket } from '../src';
import type { NatsCluster } from '../src/testing';
import { freePort, startNatsCluster, TEST_NATS_URL, until } from '../src/testing';

/** Long enough that a test never straddles two windows (they are numbered from the epoch). */
const HOUR = 3_600_000;

/** The warnings and notices a limiter logs, as pino lines. */
function capturedLogger(): { logger: pino.Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}
const WARN = 40;

describe('rate limit windows in a NATS KeyValue bucket', () => {
  const namespace = `t_rl_${randomBytes(4).toString('hex')}`;
  const limiters: NatsRateLimiter[] = [];
  let nc: NatsConnection;

  const limiter = (limit: RateLimit, options: Partial<NatsRateLimitOptions> & { name: string }) => {
    const l = new NatsRateLimiter(limit, { url: TEST_NATS_URL, namespace, ...options });
    limiters.push(l);
    return l;
  };

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
  });
  afterAll(async () => {
    for (const l of limiters) await l.close();
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names())
      if (name.startsWith(`KV_${namespace.toUpperCase()}_`)) await jsm.streams.delete(name);
    await nc.close();
  });

  it('shares one window between two limiters (two gateway processes) on the same bucket', async () => {
    const { logger, lines } = capturedLogger();
    const limit = { requests: 30, windowMs: HOUR };
    const a = limiter(limit, { name: 'share', logger });
    const b = limiter(limit, { name: 'share', logger });
    for (let i = 0; i < 30; i++) expect(await (i % 2 ? b : a).take('10.0.0.1', 1)).toBeNull();
    for (const l of [a, b]) {
      const wait = await l.take('10.0.0.1', 1);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(HOUR / 1000);
    }
    // An alias-heavy query costs several at once, and other clients have windows of their own.
    expect(await a.take('10.0.0.2', 29)).toBeNull();
    expect(await b.take('10.0.0.2', 2)).not.toBeNull();
    expect(await b.take('2001:db8::1', 30)).toBeNull();
    expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
  });

  it('admits exactly the limit from 100 concurrent takes spread over two limiters', async () => {
    const { logger, lines } = capturedLogger();
    const limit = { requests: 30, windowMs: HOUR };
    // A generous deadline: what is tested is the count under contention, not its speed on a loaded machine.
    const a = limiter(limit, { name: 'race', logger, timeoutMs: 20_000 });
    const b = limiter(limit, { name: 'race', logger, timeoutMs: 20_000 });
    // The bucket exists before the race, so the race is over the window's entry alone.
    expect(await a.take('warm-up', 1)).toBeNull();
    expect(await b.take('warm-up', 1)).toBeNull();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? b : a).take('10.0.0.9', 1)));
    const ms = Date.now() - started;
    expect(answers.filter((w) => w === null)).toHaveLength(30);
    expect(answers.filter((w) => typeof w === 'number' && w > 0)).toHaveLength(70);
    expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
    console.log(`100 concurrent takes over two limiters, limit 30: ${ms} ms`);
  });

  it('opens a new window after the old one, and the bucket forgets old windows by itself', async () => {
    const windowMs = 2_000;
    const l = limiter({ requests: 3, windowMs }, { name: 'short' });
    // Start right after a window opens, so the three takes fall in one window.
    await until('a fresh window', () => Date.now() % windowMs < 500, windowMs + 1_000, 10);
    for (let i = 0; i < 3; i++) expect(await l.take('10.0.0.3', 1)).toBeNull();
    const wait = await l.take('10.0.0.3', 1);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(2);
    await until('the next window admits again', async () => (await l.take('10.0.0.3', 1)) === null, 3 * windowMs);
    const jsm = await jetstreamManager(nc);
    const stream = `KV_${rateLimitBucket('short', namespace)}`;
    expect((await jsm.streams.info(stream)).config.max_age).toBe(windowMs * 1_000_000);
    await until(
      'every entry expired',
      async () => (await jsm.streams.info(stream)).state.messages === 0,
      4 * windowMs,
      100,
    );
  });

  it('measures the latency one take adds', async () => {
    const l = limiter({ requests: 1_000_000, windowMs: HOUR }, { name: 'latency' });
    await l.take('warm-up', 1);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      expect(await l.take('10.0.0.4', 1)).toBeNull();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((x, y) => x - y);
    const at = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(2);
    console.log(`KV take latency over 200 sequential takes: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  });
});

describe('rate limit windows when NATS is not there', () => {
  it('counts in memory when NATS cannot be reached, warns once, and never throws', async () => {
    const { logger, lines } = capturedLogger();
    const l = new NatsRateLimiter(
      { requests: 3, windowMs: 60_000 },
      { url: `nats://127.0.0.1:${await freePort()}`, name: 'unreachable', logger, timeoutMs: 500, pauseMs: 0 },
    );
    for (let i = 0; i < 3; i++) expect(await l.take('10.0.0.5', 1)).toBeNull();
    const wait = await l.take('10.0.0.5', 1);
    expect(wait).toBeGreaterThan(55);
    expect(await l.take('10.0.0.6', 3)).toBeNull();
    // Each take tried NATS again (pauseMs 0), the warning came once for the whole outage.
    expect(lines.filter((x) => x.level >= WARN).map((x) => x.msg)).toEqual([
      'rate limit windows unavailable on NATS: counting in this process until NATS answers again',
    ]);
    await l.close();
    expect(await l.take('10.0.0.6', 1)).not.toBeNull();
  });

  describe('a server that goes away and comes back', () => {
    let cluster: NatsCluster;
    beforeAll(async () => {
      cluster = await startNatsCluster(1);
    });
    afterAll(async () => {
      await cluster?.remove();
    });

    it('falls back to memory during the outage and shares the window again after it', async () => {
      const { logger, lines } = capturedLogger();
      const limit = { requests: 10, windowMs: HOUR };
      const l = new NatsRateLimiter(limit, {
        url: cluster.url,
        name: 'outage',
        logger,
        timeoutMs: 1_000,
        pauseMs: 100,
      });
      const other = new NatsRateLimiter(limit, { url: cluster.url, name: 'outage', logger });
      try {
        for (let i = 0; i < 4; i++) expect(await l.take('10.0.0.7', 1)).toBeNull();
        await cluster.nodes[0].stop();
        // In memory this process starts its own count: 10 more, then refused, none thrown.
        for (let i = 0; i < 10; i++) expect(await l.take('10.0.0.7', 1)).toBeNull();
        expect(await l.take('10.0.0.7', 1)).not.toBeNull();
        expect(lines.filter((x) => x.level >= WARN)).toHaveLength(1);
        await cluster.nodes[0].start();
        await until(
          'windows shared on NATS again',
          async () => {
            await l.take('10.0.0.8', 1);
            return lines.some((x) => x.msg === 'rate limit windows shared on NATS again');
          },
          30_000,
          100,
        );
        // The shared window kept the 4 taken before the outage: 6 are left for both.
        for (let i = 0; i < 6; i++) expect(await other.take('10.0.0.7', 1)).toBeNull();
        expect(await other.take('10.0.0.7', 1)).not.toBeNull();
        expect(lines.filter((x) => x.level >= WARN)).toHaveLength(1);
      } finally {
        await l.close();
        await other.close();
      }
    });
  });
});
