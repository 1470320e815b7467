import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

/**
 * Answers `--help` (or `-h`) with the script's usage and exits 0. Scripts call it before they
 * read anything else of their arguments, so asking for help never connects to a database, starts
 * a process or fails on the option parser's "unknown option" with a stack trace.
 */
export function answerHelp(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
    process.exit(0);
  }
}

/** node:util's parseArgs, with a mistyped option answered by one line and the usage (exit 2) rather than a stack trace. */
export function parseOptions<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw err;
    process.stderr.write(`error: ${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}
