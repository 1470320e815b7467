import type { Caller } from '@kesos/infra';
import { createLogger, IDENTITY_HEADER, signBlob, signIdentity, verifyIdentity } from '@kesos/infra';
import { callers, TEST_SECRETS, until } from '@kesos/infra/testing';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SUBGRAPH_TIMEOUTS, SharedFetches, SubgraphDataSource } from '../src';

/**
 * A stand-in subgraph that holds every request until released, so the test decides which
 * fetches are in flight together; it answers who asked (the verified identity header).
 */
class HeldSubgraph {
  readonly received: { body: string; caller: Caller }[] = [];
  private readonly held: (() => void)[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { caller } = verifyIdentity(req.headers[IDENTITY_HEADER] as string, TEST_SECRETS.internalSecret);
        this.received.push({ body, caller });
        this.held.push(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { unit: { code: 'BBPPKS-PADANG', askedBy: caller.subject } } }));
        });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

interface Ctx {
  caller: Caller;
  requestId: string;
}

describe('gateway: identical subgraph fetches in flight are shared only within one caller', () => {
  const subgraph = new HeldSubgraph();
  let fetches: SharedFetches;
  let source: SubgraphDataSource<Ctx>;
  beforeAll(() => subgraph.start());
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    subgraph.received.length = 0;
    fetches = new SharedFetches();
    source = new SubgraphDataSource<Ctx>({
      name: 'training',
      url: subgraph.url,
      timeouts: DEFAULT_SUBGRAPH_TIMEOUTS,
      logger: createLogger('test', 'silent'),
      shared: { fetches, caller: (context) => (context as Ctx).caller },
      headers: (context) => {
        const { caller, requestId } = context as Ctx;
        return { [IDENTITY_HEADER]: signIdentity({ caller, requestId }, TEST_SECRETS.internalSecret) };
      },
    });
  });

  const UNIT_QUERY = 'query Unit__training__0($unit: ID!) { unit(code: $unit) { code } }';
  let next = 0;
  // What the gateway hands a data source for one incoming operation (only the fields process reads).
  const send = (caller: Caller, query = UNIT_QUERY, variables: Record<string, unknown> = { unit: 'BBPPKS-PADANG' }) =>
    source.process({
      kind: 'incoming operation',
      request: { query, variables },
      context: { caller, requestId: `r${++next}` },
      incomingRequestContext: {},
    } as unknown as Parameters<SubgraphDataSource<Ctx>['process']>[0]);

  it('makes one subgraph fetch for two concurrent identical queries of one caller, each answer its own copy', async () => {
    const viewer = callers.viewer('BBPPKS-PADANG');
    const first = send(viewer);
    await until('the first fetch reaches the subgraph', () => subgraph.received.length === 1);
    const second = send(viewer);
    await until('the second query joins', () => fetches.joined === 1);
    subgraph.release();
    const [a, b] = await Promise.all([first, second]);
    expect(subgraph.received).toHaveLength(1);
    expect(a.data).toEqual({ unit: { code: 'BBPPKS-PADANG', askedBy: viewer.subject } });
    expect(b.data).toEqual(a.data);
    // The gateway merges other subgraphs' fields into what it receives: no answer is another's object.
    expect(b.data).not.toBe(a.data);
    // Once answered, the next identical query fetches again: nothing is cached.
    const third = send(viewer);
    await until('a later query reaches the subgraph', () => subgraph.received.length === 2);
    subgraph.release();
    await third;
  });

  it('never shares between callers, even of the same role and unit', async () => {
    const one = callers.viewer('BBPPKS-PADANG');
    const other: Caller = { ...one, subject: 'another-viewer' };
    const pending = [send(one), send(other), send(callers.admin())];
    await until('three fetches reach the subgraph', () => subgraph.received.length === 3);
    subgraph.release();
    const answers = await Promise.all(pending);
    expect(fetches.joined).toBe(0);
    expect(subgraph.received.map((r) => r.caller.subject).sort()).toEqual(
      ['another-viewer', 'test-admin', 'test-viewer-BBPPKS-PADANG'].sort(),
    );
    expect(answers.map((r) => (r.data as { unit: { askedBy: string } }).unit.askedBy)).toEqual([
      one.subject,
      'another-viewer',
      'test-admin',
    ]);
  });

  it('never shares different variables, and never a mutation', async () => {
    const admin = callers.admin();
    const mutation = 'mutation M__training__0($unit: ID!) { touch(unit: $unit) { code } }';
    const pending = [
      send(admin),
      send(admin, UNIT_QUERY, { unit: 'BBPPKS-BANDUNG' }),
      send(admin, mutation),
      send(admin, mutation),
    ];
    await until('four fetches reach the subgraph', () => subgraph.received.length === 4);
    subgraph.release();
    await Promise.all(pending);
    expect(fetches.joined).toBe(0);
  });

  it('does not join a query that was in flight before a mutation of the gateway', async () => {
    const admin = callers.admin();
    const before = send(admin);
    await until('the first query reaches the subgraph', () => subgraph.received.length === 1);
    const write = send(admin, 'mutation M__training__0 { touch { code } }');
    await until('the mutation reaches the subgraph', () => subgraph.received.length === 2);
    const after = send(admin);
    await until('the later query makes its own fetch', () => subgraph.received.length === 3);
    subgraph.release();
    await Promise.all([before, write, after]);
    expect(fetches.joined).toBe(0);
  });
});

describe('gateway: the identity header a subgraph checks', () => {
  const identity = { caller: callers.viewer('BBPPKS-PADANG'), requestId: 'r1' };

  it('accepts a fresh header signed with the internal secret', () => {
    expect(verifyIdentity(signIdentity(identity, TEST_SECRETS.internalSecret), TEST_SECRETS.internalSecret)).toEqual(
      identity,
    );
  });

  it('refuses a header older than five minutes', () => {
    const old = signBlob({ ...identity, at: Date.now() - 5 * 60_000 - 1_000 }, TEST_SECRETS.internalSecret);
    expect(() => verifyIdentity(old, TEST_SECRETS.internalSecret)).toThrow('the gateway identity header has expired');
  });

  it('refuses a forged header: another key, or a payload changed after signing', () => {
    const otherKey = signIdentity(identity, 'someone-else-secret-at-least-32-bytes!!');
    expect(() => verifyIdentity(otherKey, TEST_SECRETS.internalSecret)).toThrow('not valid');
    const [, signature] = signIdentity(identity, TEST_SECRETS.internalSecret).split('.');
    const admin = Buffer.from(
      JSON.stringify({ caller: { subject: 'x', role: 'admin', unit: null }, requestId: 'r1', at: Date.now() }),
    ).toString('base64url');
    expect(() => verifyIdentity(`${admin}.${signature}`, TEST_SECRETS.internalSecret)).toThrow('not valid');
  });
});
