import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SRC = join(__dirname, '..', 'src');
const DIST = join(__dirname, '..', 'dist');

/** Every script a person runs: the files that call main or answer on their own, not the modules they import. */
const scripts = readdirSync(SRC)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => /answerHelp\(USAGE\)|values\.help/.test(readFileSync(join(SRC, f), 'utf8')))
  .map((f) => f.replace(/\.ts$/, ''));

describe('every script answers --help', () => {
  it('covers the scripts of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const named = Object.values(pkg.scripts)
      .map((command) => /node scripts\/dist\/([\w.-]+)\.js/.exec(command)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it.each(scripts)('%s prints its usage and exits 0 without connecting to anything', async (script) => {
    // A closed port for every service: a script that tried to connect would fail, not print its usage.
    const env = { ...process.env, MYSQL_URL: 'mysql://root@127.0.0.1:9', NATS_URL: 'nats://127.0.0.1:9' };
    const { stdout, stderr } = await run(process.execPath, [join(DIST, `${script}.js`), '--help'], {
      env,
      timeout: 60_000,
    });
    expect(stdout).toMatch(/^Usage: /);
    expect(stdout).toContain('--help');
    expect(stderr).toBe('');
  });
});

describe('a mistyped option', () => {
  it('answers one line and the usage, exit 2, no stack trace', async () => {
    const failed = await run(process.execPath, [join(DIST, 'token.js'), '--rol', 'admin']).then(
      () => undefined,
      (err: unknown) => err as { code: number; stderr: string },
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/^error: Unknown option '--rol'/);
    expect(failed?.stderr).toContain('Usage: npm run --silent token');
    expect(failed?.stderr).not.toMatch(/\n\s+at /);
  });
});
