import { ConfigReader, createLogger } from '@kesos/infra';
import { freePort } from '@kesos/infra/testing';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SUBGRAPH_TIMEOUTS, readSubgraphUrls, SubgraphDataSource } from '../src';

type Behaviour = 'answer' | 'crash';

/** A stand-in replica that answers, or drops the connection once it has read the request (a process killed mid-request). */
class Replica {
  readonly received: string[] = [];
  behaviour: Behaviour = 'answer';
  private server!: Server;
  url = '';

  constructor(readonly name: string) {}

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push((JSON.parse(body) as { query: string }).query);
        if (this.behaviour === 'crash') return req.socket.destroy();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { answeredBy: this.name } }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const QUERY = 'query Unit__training__0 { unit(code: "BBPPKS-PADANG") { code } }';
const MUTATION = 'mutation Record__training__0 { recordAccreditation(input: {}) { id } }';

function sourceFor(urls: string[]) {
  const source = new SubgraphDataSource<Record<string, never>>({
    name: 'training',
    url: urls.join(','),
    timeouts: DEFAULT_SUBGRAPH_TIMEOUTS,
    logger: createLogger('test', 'silent'),
  });
  return (query: string) =>
    source.process({
      kind: 'incoming operation',
      request: { query },
      context: {},
    } as unknown as Parameters<SubgraphDataSource<Record<string, never>>['process']>[0]);
}

describe('gateway: a subgraph behind several replicas (<NAME>_URL lists them)', () => {
  const a = new Replica('a');
  const b = new Replica('b');
  beforeAll(async () => {
    await a.start();
    await b.start();
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
  });
  beforeEach(() => {
    for (const r of [a, b]) {
      r.received.length = 0;
      r.behaviour = 'answer';
    }
  });

  it('reads TRAINING_URL as a comma-separated list and names a bad entry', () => {
    const fine = new ConfigReader({ TRAINING_URL: ' http://t1:4001/graphql , http://t2:4001/graphql ' });
    expect(readSubgraphUrls(fine, 'training', 'http://localhost:4001/graphql')).toBe(
      'http://t1:4001/graphql,http://t2:4001/graphql',
    );
    fine.done();
    const bad = new ConfigReader({ TRAINING_URL: 'http://t1:4001/graphql,nats://t2:4222,http://t1:4001/graphql' });
    readSubgraphUrls(bad, 'training', 'http://localhost:4001/graphql');
    expect(() => bad.done()).toThrow(
      'invalid configuration: TRAINING_URL must use http or https://, got "nats://" in "nats://t2:4222"; TRAINING_URL names a replica twice',
    );
  });

  it('takes turns between the replicas', async () => {
    const send = sourceFor([a.url, b.url]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(QUERY)));
    expect(answers.map((r) => (r.data as { answeredBy: string }).answeredBy).sort()).toEqual([
      'a',
      'a',
      'a',
      'b',
      'b',
      'b',
    ]);
  });

  it('sends queries and mutations to the next replica when one refuses the connection', async () => {
    const down = `http://127.0.0.1:${await freePort()}/graphql`;
    const send = sourceFor([down, a.url]);
    for (const query of [QUERY, MUTATION, QUERY, MUTATION]) expect((await send(query)).errors).toBeUndefined();
    expect(a.received).toHaveLength(4);
  });

  it('sends a query cut off mid-way to the next replica, but never a mutation: it may have been applied', async () => {
    const send = sourceFor([a.url, b.url]);
    a.behaviour = 'crash';
    // Round-robin starts at a for the first call of a fresh data source.
    const query = await send(QUERY);
    expect(query.errors).toBeUndefined();
    expect(query.data).toEqual({ answeredBy: 'b' });
    // a is passed over for a while after failing: the next mutation goes to b and succeeds.
    expect((await send(MUTATION)).errors).toBeUndefined();
    expect(b.received).toEqual([QUERY, MUTATION]);

    const fresh = sourceFor([a.url, b.url]);
    const mutation = await fresh(MUTATION);
    expect(mutation.errors?.[0]).toMatchObject({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'training' },
    });
    expect(mutation.errors?.[0].message).toContain('the change may have been applied, check before retrying');
    expect(a.received).toEqual([QUERY, MUTATION]);
    expect(b.received).toEqual([QUERY, MUTATION]);
  });

  it('answers SUBGRAPH_UNAVAILABLE when no replica answers', async () => {
    const send = sourceFor([
      `http://127.0.0.1:${await freePort()}/graphql`,
      `http://127.0.0.1:${await freePort()}/graphql`,
    ]);
    const answer = await send(QUERY);
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'training' } });
    expect(answer.errors?.[0].message).toContain('ECONNREFUSED');
  });
});
