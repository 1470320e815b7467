import { TEST_SECRETS, until } from '@kesos/infra/testing';
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenFor } from './support';

const ROOT = join(__dirname, '..', '..');
const EMBEDDED_MAIN = join(ROOT, 'gateway', 'dist', 'embedded.main.js');
const INFRA_DIST = join(ROOT, 'infra', 'dist', 'index.js');

/** The parts of an OTLP/JSON export request the test reads. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string } }[];
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/**
 * A collector's OTLP/HTTP traces endpoint that keeps what it receives and holds its answers until
 * `release`, so a test can act while the process waits on its export.
 */
async function startSink() {
  const exports: OtlpExport[] = [];
  const held: (() => void)[] = [];
  let released = false;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') exports.push(JSON.parse(body) as OtlpExport);
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      if (released) answer();
      else held.push(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    exports,
    release: () => {
      released = true;
      for (const answer of held.splice(0)) answer();
    },
  };
}

/** The trace a caller started (sampled), which the gateway continues. */
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

const attribute = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;

describe('tracing of a built process, exported over OTLP/HTTP', () => {
  it('loads no OpenTelemetry SDK while tracing is off', () => {
    if (!existsSync(INFRA_DIST)) throw new Error(`${INFRA_DIST} is missing: run npm run build first`);
    const loaded = execFileSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(INFRA_DIST)});` +
          'const names = Object.keys(require.cache).filter((f) => f.includes("@opentelemetry"))' +
          '.map((f) => f.split("@opentelemetry/")[1].split("/")[0]);' +
          'console.log(JSON.stringify([...new Set(names)].sort()))',
      ],
      { env: { PATH: process.env.PATH ?? '' } },
    ).toString();
    // The API alone (no-op until a provider registers) and the attribute names the span helpers use.
    expect(JSON.parse(loaded)).toEqual(['api', 'semantic-conventions']);
  });

  describe('the embedded graph with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
    let sink: Awaited<ReturnType<typeof startSink>>;
    let child: ChildProcess | undefined;
    afterAll(() => {
      child?.kill('SIGKILL');
      sink?.release();
      sink?.server.close();
    });

    it('exports the spans of a sampled request at SIGTERM, and a second SIGTERM meanwhile does not cut the export short', async () => {
      if (!existsSync(EMBEDDED_MAIN)) throw new Error(`${EMBEDDED_MAIN} is missing: run npm run build first`);
      sink = await startSink();
      const started = spawn(process.execPath, [EMBEDDED_MAIN], {
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          LOG_LEVEL: 'info',
          DATA_DIR: mkdtempSync(join(tmpdir(), 'kesos-otlp-')),
          JWT_SECRET: TEST_SECRETS.jwtSecret,
          INTERNAL_SECRET: TEST_SECRETS.internalSecret,
          PERSONAL_DATA_KEY: TEST_SECRETS.personalDataKey,
          OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          // Longer than the test: the spans leave only at shutdown, which is what is checked.
          OTEL_BSP_SCHEDULE_DELAY: '600000',
          // Only traces a caller started and sampled: the first start's seed events, written outside
          // any request, would otherwise each start a trace at their consumers and fill the batch.
          OTEL_TRACES_SAMPLER: 'parentbased_always_off',
        },
      });
      child = started;
      let stdout = '';
      let stderr = '';
      started.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      started.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        started.on('exit', (code, signal) => resolve({ code, signal })),
      );
      // The first start seeds three SQLite databases, which takes long on a loaded machine.
      let url = '';
      await until(
        'the embedded graph is ready',
        () => {
          const ready = stdout
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as { msg?: string; url?: string })
            .find((entry) => entry.msg?.startsWith('graph ready at'));
          if (ready?.url) url = ready.url.replace('localhost', '127.0.0.1');
          return ready !== undefined || started.exitCode !== null;
        },
        150_000,
      );
      expect(stderr).toBe('');
      expect(url).not.toBe('');

      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokenFor('admin')}`,
          traceparent: `00-${CALLER_TRACE}-b7ad6b7169203331-01`,
        },
        body: JSON.stringify({ query: 'query ExportedRead { unit(code: "BBPPKS-PADANG") { name } }' }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
      expect(sink.exports).toEqual([]);

      started.kill('SIGTERM');
      // The process has stopped the graph and is exporting its last spans: a second signal now (as
      // `npm start` sends on Ctrl-C, forwarding what the process has received from the terminal
      // already) must not end it before the export is done.
      await until('the last spans are being exported', () => sink.exports.length > 0);
      started.kill('SIGTERM');
      sink.release();
      expect(await exited).toEqual({ code: 0, signal: null });
      child = undefined;

      const spans = sink.exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
      const services = sink.exports.flatMap((e) =>
        e.resourceSpans.map((r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue),
      );
      expect(new Set(services)).toEqual(new Set(['embedded']));
      const SERVER = 2;
      const gatewaySpan = spans.find(
        (s) =>
          s.kind === SERVER &&
          attribute(s, 'graphql.operation.name') === 'ExportedRead' &&
          attribute(s, 'kesos.service') === undefined,
      );
      expect(gatewaySpan?.name).toBe('POST /graphql');
      expect(gatewaySpan?.traceId).toBe(CALLER_TRACE);
      // Nothing else was sampled.
      expect(spans.filter((s) => s.traceId !== CALLER_TRACE)).toEqual([]);
      const subgraph = spans.find((s) => s.kind === SERVER && attribute(s, 'kesos.service') === 'training');
      expect(subgraph).toBeDefined();
      const call = spans.find((s) => s.spanId === subgraph!.parentSpanId);
      expect(call?.name).toBe('POST training');
      expect(spans.some((s) => attribute(s, 'db.system.name') === 'sqlite')).toBe(true);
    }, 240_000);
  });
});
