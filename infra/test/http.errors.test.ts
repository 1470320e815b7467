import { ApolloServer } from '@apollo/server';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import type { RunningHttpServer } from '../src';
import { createLogger, ForbiddenError, refusalStatusPlugin, startHttpServer, TooManyRequestsError } from '../src';

/**
 * The HTTP layer's own log lines: a client that hangs up mid-upload is logged once, at debug,
 * without a stack, since anyone can do it at will and must not be able to flood the error log.
 */
describe('HTTP server logging of refused and abandoned requests', () => {
  const lines: { level: number; msg: string; err?: unknown; stack?: unknown }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  let http: RunningHttpServer;
  let apollo: ApolloServer;

  beforeAll(async () => {
    apollo = new ApolloServer({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
    });
    await apollo.start();
    http = await startHttpServer(
      {
        apollo,
        logger: createLogger('test', 'debug', destination),
        context: async () => ({}),
        readiness: async () => ({}),
        maxBodyBytes: 2_000_000,
      },
      0,
      '127.0.0.1',
    );
  });
  afterAll(async () => {
    await http?.close();
    await apollo?.stop();
  });

  /** Sends the headers of a `declared`-byte body, then `sent` bytes of it, then hangs up. */
  const abandon = (declared: number, sent: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(http.port, '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
        );
        socket.write(`{"query":"${'x'.repeat(sent)}`, () =>
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 100),
        );
      });
      socket.on('error', reject);
    });

  const settled = async (count: number) => {
    for (let i = 0; i < 50 && lines.length < count; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
  };

  test('an upload cut mid-way is one debug line without a stack, and the server keeps serving', async () => {
    lines.length = 0;
    await abandon(1_500_000, 500_000);
    await settled(1);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, msg: 'client closed the connection before sending the whole request' });
    expect(JSON.stringify(lines[0])).not.toMatch(/stack|\n\s+at /);
    const res = await fetch(http.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    expect(await res.json()).toEqual({ data: { hello: 'hi' } });
  });

  test('a body over the limit answers 413 and is logged at debug, not as a server error', async () => {
    lines.length = 0;
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(http.port, '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2100000\r\n\r\n`,
        );
        socket.write('x'.repeat(2_100_000));
      });
      socket.once('data', (chunk: Buffer) => {
        resolve(chunk.toString('utf8').split('\r\n')[0]);
        socket.destroy();
      });
      socket.on('error', reject);
    });
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
    await settled(1);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });
});

/** The whole-request refusal rule of refusalStatusPlugin, on a server of its own. */
describe('HTTP status of a request refused as a whole', () => {
  let http: RunningHttpServer;
  let apollo: ApolloServer;

  beforeAll(async () => {
    apollo = new ApolloServer({
      typeDefs: 'type Query { open: String, secret: String, secrets: [String!]!, busy: String, slow: String }',
      resolvers: {
        Query: {
          open: () => 'hi',
          secret: () => {
            throw new ForbiddenError('a viewer of A reads only the records of A');
          },
          secrets: () => {
            throw new ForbiddenError('a viewer of A reads only the records of A');
          },
          busy: () => {
            throw new TooManyRequestsError('try again in 7 s', { retryAfterSeconds: 7 });
          },
          slow: () => {
            throw new TooManyRequestsError('wait for the running import', { scope: 'caller' });
          },
        },
      },
      plugins: [refusalStatusPlugin()],
    });
    await apollo.start();
    http = await startHttpServer(
      {
        apollo,
        logger: createLogger('test', 'silent'),
        context: async () => ({}),
        readiness: async () => ({}),
      },
      0,
      '127.0.0.1',
    );
  });
  afterAll(async () => {
    await http?.close();
    await apollo?.stop();
  });

  const ask = async (query: string) => {
    const res = await fetch(http.url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      data: body.data,
      codes: (body.errors ?? []).map((e) => e.extensions?.code),
    };
  };

  it('answers 403 when every root field is refused, nullable or not', async () => {
    expect(await ask('{ secret }')).toEqual({
      status: 403,
      retryAfter: null,
      data: { secret: null },
      codes: ['FORBIDDEN'],
    });
    expect(await ask('{ secrets }')).toEqual({ status: 403, retryAfter: null, data: null, codes: ['FORBIDDEN'] });
    expect((await ask('{ a: secret b: secret }')).status).toBe(403);
  });

  it('stays 200 when another field answered, or the errors are of different kinds', async () => {
    expect(await ask('{ open secret }')).toEqual({
      status: 200,
      retryAfter: null,
      data: { open: 'hi', secret: null },
      codes: ['FORBIDDEN'],
    });
    expect((await ask('{ secret busy }')).status).toBe(200);
    expect((await ask('{ open }')).status).toBe(200);
  });

  it('answers TOO_MANY_REQUESTS with 429, and Retry-After where the wait is known', async () => {
    expect(await ask('{ busy }')).toEqual({
      status: 429,
      retryAfter: '7',
      data: { busy: null },
      codes: ['TOO_MANY_REQUESTS'],
    });
    expect(await ask('{ slow }')).toEqual({
      status: 429,
      retryAfter: null,
      data: { slow: null },
      codes: ['TOO_MANY_REQUESTS'],
    });
  });
});
