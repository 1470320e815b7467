import { answerHelp, parseOptions } from './cli.usage';
import { ConfigReader, describeStartupError, readPlatformConfig, resolveJwtSecret, ROLES, signJwt } from '@kesos/infra';

const USAGE = `Usage: npm run --silent token -- --role <role> [--unit <code>] [--sub <subject>] [--hours <n>]

Prints a JWT for the gateway, signed with JWT_SECRET (or the development key when NODE_ENV is not
production), to use as "Authorization: Bearer <token>".

Options:
  --role <role>     viewer, operator, analyst or admin (required)
  --unit <code>     the unit a viewer or operator token is limited to, e.g. BBPPKS-PADANG
                    (required for viewer and operator)
  --sub <subject>   the caller's name in logs and audit (default dev-<role>)
  --hours <n>       validity in hours (default 12)
  --help            this text
`;
answerHelp(USAGE);

/** `npm run --silent token -- --role <role> [--unit <code>] [--hours N]`: prints a development JWT. */
function main(): void {
  const { values } = parseOptions(
    {
      options: {
        role: { type: 'string' },
        unit: { type: 'string' },
        sub: { type: 'string' },
        hours: { type: 'string', default: '12' },
      },
    },
    USAGE,
  );
  const role = values.role;
  if (!role || !(ROLES as readonly string[]).includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  if ((role === 'viewer' || role === 'operator') && !values.unit)
    fail(`a ${role} token needs --unit <code>, e.g. --unit BBPPKS-PADANG`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) fail('--hours must be a positive number');
  let jwtSecret: string;
  try {
    jwtSecret = resolveJwtSecret(readPlatformConfig(new ConfigReader()));
  } catch (err) {
    fail(describeStartupError(err));
  }
  const claims: Record<string, unknown> = { sub: values.sub ?? `dev-${role}`, role };
  if (values.unit) claims.unit = values.unit;
  process.stdout.write(signJwt(claims, jwtSecret, Math.round(hours * 3600)) + '\n');
}

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

main();
