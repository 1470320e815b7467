import { callSubgraph } from '@kesos/infra/testing';
import type { EmbeddedSystem } from '../src';
import { createLogger } from '@kesos/infra';
import { TEST_SECRETS } from '@kesos/infra/testing';
import { readFileSync } from 'node:fs';
import { PUBLIC_ROOT_FIELDS, QUERY_LIMITS, startGateway, SUPERGRAPH_FILE } from '../src';
import { query, startTestGraph, tokenFor } from './support';

describe('gateway: auth, limits, explorer and health (embedded graph)', () => {
  let system: EmbeddedSystem;
  beforeAll(async () => {
    system = await startTestGraph();
  }, 120000);
  afterAll(async () => system?.stop());

  const base = () => system.gateway.url.replace('localhost', '127.0.0.1').replace(/\/graphql$/, '');

  it('refuses requests without a token or with a bad one', async () => {
    const missing = await query(system, '{ units { code } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(missing.data ?? null).toBeNull();
    const forged = await query(system, '{ units { code } }', {}, `${tokenFor('admin')}x`);
    expect(forged.errors?.[0]).toMatchObject({
      message: expect.stringContaining('invalid token'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const noUnit = await query(system, '{ units { code } }', {}, tokenFor('viewer'));
    expect(noUnit.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a signed-in caller and scopes unit data to the caller unit', async () => {
    const own = await query(
      system,
      '{ unit(code: "BBPPKS-PADANG") { code staffComposition { count } } }',
      {},
      tokenFor('viewer', 'BBPPKS-PADANG'),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data).toMatchObject({ unit: { code: 'BBPPKS-PADANG' } });
    const other = await query(
      system,
      '{ unit(code: "BBPPKS-PADANG") { code staffComposition { count } } }',
      {},
      tokenFor('viewer', 'BBPPKS-BANDUNG'),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('subgraphs refuse requests that did not come through the gateway', async () => {
    for (const service of system.services) {
      const direct = await callSubgraph(service.url, '{ __typename }');
      expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(direct.errors?.[0]?.message).toContain('through the gateway');
    }
  });

  it('limits depth, aliases and cost with clear errors', async () => {
    const admin = tokenFor('admin');
    // A second gateway with a depth limit of 2 lets the test exceed it with fields every build has.
    const shallow = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: Object.fromEntries(system.services.map((s) => [s.name, s.url])),
      publicRootFields: PUBLIC_ROOT_FIELDS,
      secrets: TEST_SECRETS,
      logger: createLogger('test', 'silent'),
      port: 0,
      host: '127.0.0.1',
      limits: { maxDepth: 2, maxCost: { admin: 60 } },
    });
    try {
      const ask = async (source: string) => {
        const res = await fetch(shallow.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({ query: source }),
        });
        return (
          ((await res.json()) as { errors?: { message: string }[] }).errors?.map((e) => e.message).join('; ') ??
          'no error'
        );
      };
      expect(await ask('{ units { workArea { province } } }')).toMatch(/^Query depth limit of 2 exceeded, found 3/i);
      const costly = Array.from({ length: 10 }, (_, i) => `a${i}: units { code name address region }`).join(' ');
      expect(await ask(`{ ${costly} }`)).toMatch(
        /^Query cost limit exceeded: this query costs \d+, over the limit of 60 for an admin/,
      );
    } finally {
      await shallow.stop();
    }
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: units { code }`).join(' ');
    const tooMany = await query(system, `{ ${aliases} }`, {}, admin);
    expect(tooMany.errors?.[0]?.message).toMatch(/^Aliases limit/i);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooMany.status).toBe(400);
  });

  it('serves the explorer and its assets from the npm packages, without a CDN', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/explorer/graphiql.min.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of [
      'graphiql.min.js',
      'graphiql.min.css',
      'react.production.min.js',
      'react-dom.production.min.js',
    ]) {
      const res = await fetch(`${base()}/explorer/${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('answers health and readiness on the gateway and every subgraph', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { training: 'ok', budget: 'ok', performance: 'ok' },
    });
    for (const s of system.services) {
      const res = await fetch(s.url.replace(/\/graphql$/, '/readyz'));
      expect(await res.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', bus: 'ok' } });
    }
  });
});
