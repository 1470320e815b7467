import { parseOptions } from './cli.usage';
import { ConfigReader, describeStartupError, readPlatformConfig, resolveJwtSecret, signJwt } from '@kesos/infra';
import type { GraphCall } from './synthetic.generator';
import { generateMinistry } from './ministry.generator';
import { IMPORT_BATCH_ROWS, MINISTRY_ENROLLMENTS, progressLine } from './ministry.plan';
import { generateSynthetic, REPORT_UNIT } from './synthetic.generator';

const USAGE = `Usage: npm run generate -- [options]

Fills the units (every registered unit but BBPPKS-PADANG, whose data is the report's seed) with
synthetic data ("Sintetis", NIKs in district 00) through the running gateway (npm start, or
npm run start:services), with an admin token signed by JWT_SECRET or the development key.
Deterministic: the same arguments give the same data; a unit-year already written is skipped.

Options:
  --url <url>           the gateway (default http://localhost:$PORT/graphql, PORT default 4000)
  --units A,B           unit codes (default: every registered unit but the report's)
  --years 2021-2022     a completed year or a range (default 2022; with --ministry 2020-2024)
  --scale <n>           ordinary mode: multiplies every volume, 0-100 (default 1)
  --ministry            ministry scale: --enrollments over the units and years through the bulk
                        import (implied by --enrollments), with budgets and surveys
  --enrollments <n>     enrollments over all units and years (default 1000000)
  --settle <fraction>   share of classes run to their end: attendance, tests, graduation,
                        failure or drop-out, closing (default 0.005); the rest stay REGISTERED
  --batch <rows>        rows per import, whole classes (default 40000)
  --concurrency <n>     requests in flight for the settled classes' steps (default 4)
  --survey <n>          survey responses per unit-year, 1-5000 (default 1500)
  --realizations <n>    budget realisations per line and month (default 1)
  --help                this text

Progress (rows done, rate, ETA) goes to stderr, the summary to stdout.
`;

/**
 * `npm run generate -- [--url ...] [--units A,B] [--years 2021-2022] [--scale 1]` or, at ministry
 * scale, `npm run generate -- --ministry [--enrollments 1000000]`: see USAGE. Run on demand; never
 * part of CI or of the seed.
 */
async function main(): Promise<void> {
  const { values } = parseOptions(
    {
      options: {
        url: { type: 'string', default: `http://localhost:${process.env.PORT ?? '4000'}/graphql` },
        units: { type: 'string' },
        years: { type: 'string' },
        scale: { type: 'string', default: '1' },
        ministry: { type: 'boolean', default: false },
        enrollments: { type: 'string' },
        settle: { type: 'string', default: '0.005' },
        batch: { type: 'string', default: String(IMPORT_BATCH_ROWS) },
        concurrency: { type: 'string', default: '4' },
        survey: { type: 'string', default: '1500' },
        realizations: { type: 'string', default: '1' },
        help: { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const ministry = values.ministry || values.enrollments !== undefined;
  const yearsArg = values.years ?? (ministry ? '2020-2024' : '2022');
  const range = /^(\d{4})(?:-(\d{4}))?$/.exec(yearsArg);
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
  if (ministry) {
    const number = (name: string, text: string): number => {
      const n = Number(text);
      if (!Number.isFinite(n)) fail(`--${name} must be a number, got "${text}"`);
      return n;
    };
    const summary = await generateMinistry(call, {
      units,
      years,
      enrollments: number('enrollments', values.enrollments ?? String(MINISTRY_ENROLLMENTS)),
      settle: number('settle', values.settle),
      batchRows: number('batch', values.batch),
      concurrency: number('concurrency', values.concurrency),
      surveyResponses: number('survey', values.survey),
      realizationsPerMonth: number('realizations', values.realizations),
      log: (line) => progress.print(line),
      progress: (done, total) => progress.update(done, total),
    });
    progress.end();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `ministry scale: ${summary.enrollments.toLocaleString('en-US')} enrollments over ${summary.unitYears} unit-years (${summary.skipped} already complete, skipped); ` +
        `${summary.imported.toLocaleString('en-US')} imported in ${summary.imports} imports into ${summary.classes} new classes, ${summary.settledClasses} classes run to their end, ` +
        `${summary.realizations} realisations, ${summary.surveyResponses} survey responses, in ${seconds.toFixed(1)} s\n`,
    );
    return;
  }
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

/** The progress line on stderr: redrawn in place on a terminal, a line every 5 s otherwise. */
const progress = (() => {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let shownAt = 0;
  let shownDone = -1;
  let last = '';
  const show = (line: string) => {
    last = line;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (done === shownDone || (done < total && now - shownAt < (tty ? 250 : 5000))) return;
      shownDone = done;
      shownAt = now;
      show(progressLine('enrollments', done, total, now - started));
    },
    print(line: string) {
      process.stderr.write(tty ? `\r${line}\x1b[K\n${last}` : `${line}\n`);
    },
    end() {
      if (tty && last) process.stderr.write('\n');
    },
  };
})();

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
