import { ConfigReader, describeStartupError, readPlatformConfig, resolveJwtSecret, ROLES, signJwt } from '@kesos/infra';
import { parseArgs } from 'node:util';

/** `npm run --silent token -- --role <role> [--unit <code>] [--hours N]`: prints a development JWT. */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      unit: { type: 'string' },
      sub: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
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
