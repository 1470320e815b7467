import { createLogger } from '@kesos/infra';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { SUPERGRAPH_FILE } from '../src';
import type { DistributedGraph } from './distributed.support';
import { startDistributedTestGraph } from './distributed.support';
import { fuzzCases } from './fuzz.cases';
import { tokenFor } from './support';

/** What must never reach a client or a log line: SQL, driver errors, stacks, database names, statement parameters. */
const INTERNALS =
  /INSERT INTO|SELECT [^"]* FROM|UPDATE `|DELETE FROM|QueryFailedError|SqliteError|\bER_[A-Z_]{3,}|SQLITE_|kesos_test_|"parameters"|"sql"|"stack"|\\n\s+at |node_modules/;

/**
 * The generated table of malformed arguments (fuzz.cases.ts) against every mutation of the
 * distributed graph (MariaDB, NATS), with an admin token so that nothing stops at a permission:
 * no INTERNAL_SERVER_ERROR, no HTTP 5xx, nothing written by a refused request (row counts of the
 * owning subgraph's tables before and after each), and no internals in any answer or log line.
 */
describe('fuzz: malformed mutation arguments through the gateway (distributed, MariaDB)', () => {
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  let graph: DistributedGraph;
  let startup = 0;
  beforeAll(async () => {
    const started = Date.now();
    graph = await startDistributedTestGraph('fuzz', { logger: createLogger('test', 'debug', destination) });
    // The fuzz needs the seeded records, not their events: publishing the seed's thousands of
    // events would compete with the fuzz for the machine and make stopping wait for the relay.
    for (const s of graph.services)
      await s.dataSource.query('UPDATE outbox_event SET publishedAt = NOW() WHERE publishedAt IS NULL');
    startup = (Date.now() - started) / 1000;
  }, 180000);
  afterAll(async () => graph?.stop());

  /**
   * Rows per table of a subgraph's database, in one statement. Tables only event consumers write
   * are left out: they fill in the background while the seed's events are applied, and a refused
   * request cannot reach them without an event, which the counted outbox_event table would show.
   */
  const CONSUMER_TABLES = new Set([
    'processed_event',
    'output_volume_entry',
    // Also written by recordOutputVolume, whose refusals budget's volumes.records test checks instead.
    'output_volume_record',
    'metric_fact',
    'metric_counter',
    'metric_quarter_counter',
    'known_unit',
  ]);
  async function rowCounts(service: string): Promise<string> {
    const running = graph.services.find((s) => s.name === service)!;
    const tables = running.dataSource.entityMetadatas
      .map((m) => m.tableName)
      .filter((t) => !CONSUMER_TABLES.has(t))
      .sort();
    const rows = await running.dataSource.query<{ t: string; n: string | number }[]>(
      tables.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM \`${t}\``).join(' UNION ALL '),
    );
    return rows.map((r) => `${r.t}=${String(r.n)}`).join(' ');
  }

  test('1,000+ malformed inputs: 0 internal errors, 0 HTTP 5xx, nothing written on an error, no internals', async () => {
    // Every second case of the table keeps the run near a minute on a loaded 2-core machine; FUZZ_ALL=1 runs all.
    const table = fuzzCases(buildSchema(readFileSync(SUPERGRAPH_FILE, 'utf8'), { assumeValidSDL: true }));
    const cases = process.env.FUZZ_ALL ? table : table.filter((_, i) => i % 2 === 0);
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const url = graph.gateway.url.replace('localhost', '127.0.0.1');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('admin')}` };
    const failures: string[] = [];
    const accepted: string[] = [];
    const statuses: Record<string, number> = {};
    const codes: Record<string, number> = {};
    const started = Date.now();
    logLines.length = 0;
    /** One lane per subgraph, run side by side: each counts only its own database. */
    const lane = async (service: string) => {
      let before = await rowCounts(service);
      for (const c of cases.filter((x) => x.service === service)) {
        const name = `${c.mutation} ${c.path} = ${c.label}`;
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: c.query, variables: c.variables }),
        });
        const text = await res.text();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const body = JSON.parse(text) as {
          data?: unknown;
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        for (const e of body.errors ?? [])
          codes[e.extensions?.code ?? 'none'] = (codes[e.extensions?.code ?? 'none'] ?? 0) + 1;
        if (res.status >= 500) failures.push(`${name}: HTTP ${res.status}`);
        if (body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code))
          failures.push(`${name}: ${text.slice(0, 300)}`);
        if (INTERNALS.test(text)) failures.push(`${name}: internals in the answer ${text.slice(0, 300)}`);
        // HTTP 400 is the gateway refusing the request before calling any subgraph: nothing to count.
        if (res.status === 400) continue;
        const after = await rowCounts(service);
        // An accepted input is valid after all: its writes are legitimate, counting starts afresh.
        if (!body.errors?.length) accepted.push(name);
        else if (after !== before) failures.push(`${name}: refused but wrote (${before} -> ${after})`);
        before = after;
      }
    };
    await Promise.all([...new Set(cases.map((c) => c.service))].map(lane));
    const seconds = (Date.now() - started) / 1000;
    const errorLines = logLines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50);
    const leakingLines = logLines.filter((l) => INTERNALS.test(l));
    // The figures the README quotes.
    process.stdout.write(
      `fuzz: graph started in ${startup.toFixed(1)} s; ${cases.length} inputs in ${seconds.toFixed(1)} s; HTTP ${JSON.stringify(statuses)}; codes ${JSON.stringify(codes)}; accepted ${accepted.length}; log lines ${logLines.length}\n`,
    );
    process.stdout.write(`accepted: ${accepted.join('; ')}\n`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(errorLines.slice(0, 5)).toEqual([]);
    expect(leakingLines.slice(0, 5)).toEqual([]);
    expect(accepted.length).toBeLessThan(cases.length / 20);
  }, 300000);
});
