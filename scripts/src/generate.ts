import { ConfigReader, describeStartupError, readPlatformConfig, resolveJwtSecret, signJwt } from '@kesos/infra';
import { parseArgs } from 'node:util';
import type { GraphCall } from './synthetic.generator';
import { generateSynthetic, REPORT_UNIT } from './synthetic.generator';

/**
 * `npm run generate -- [--url http://localhost:4000/graphql] [--units A,B] [--years 2021-2022] [--scale 1]`:
 * fills the other units (every registered unit but the report's, by default) with synthetic
 * data for the given completed years through the running gateway, with an admin token signed
 * by JWT_SECRET or the development key. Run on demand; never part of CI or of the seed.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:4000/graphql' },
      units: { type: 'string' },
      years: { type: 'string', default: '2022' },
      scale: { type: 'string', default: '1' },
    },
  });
  const range = /^(\d{4})(?:-(\d{4}))?$/.exec(values.years);
  if (!range) fail('--years is a year or a range, e.g. 2022 or 2021-2022');
  const from = Number(range[1]);
  const to = Number(range[2] ?? range[1]);
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const scale = Number(values.scale);

  let jwtSecret: string;
  try {
    jwtSecret = resolveJwtSecret(readPlatformConfig(new ConfigReader()));
  } catch (err) {
    return fail(describeStartupError(err));
  }
  const token = signJwt({ sub: 'synthetic-generator', role: 'admin' }, jwtSecret, 6 * 3600);
  const call: GraphCall = async (query, variables = {}) => {
    let res: Response;
    try {
      res = await fetch(values.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      return fail(
        `cannot reach the gateway at ${values.url}; start it with npm start (or npm run start:services) first`,
      );
    }
    const body = (await res.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { field?: string } }[];
    };
    if (body.errors?.length)
      throw new Error(
        body.errors.map((e) => (e.extensions?.field ? `${e.extensions.field}: ${e.message}` : e.message)).join('; '),
      );
    return body.data;
  };

  const units = values.units
    ? values.units.split(',').map((u) => u.trim())
    : ((await call('{ units { code } }')) as { units: { code: string }[] }).units
        .map((u) => u.code)
        .filter((c) => c !== REPORT_UNIT);
  const started = Date.now();
  const summaries = await generateSynthetic(call, {
    units,
    years,
    scale,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const written = summaries.filter((s) => !s.skipped);
  process.stdout.write(
    `generated ${written.length} unit-years (${summaries.length - written.length} skipped) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
