import { answerHelp } from './cli.usage';
import { SERVICES } from '@kesos/gateway';
import {
  ConfigReader,
  createLogger,
  databaseName,
  describeStartupError,
  ensureMysqlDatabase,
  ensureServiceUser,
  exitWithMessage,
  mysqlDataSource,
  readDistributedConfig,
  secretProblem,
} from '@kesos/infra';

const USAGE = `Usage: npm run migrate [-- --no-seed]

Creates each service's MariaDB database if needed (MYSQL_URL, an account that may create
databases and users), applies its pending migrations, then loads the seed data set into databases
that are still empty. With TRAINING_DB_PASSWORD, BUDGET_DB_PASSWORD and PERFORMANCE_DB_PASSWORD set
(at least 32 bytes each), it also creates or re-keys each service's own account, named like its
database (e.g. kesos_training), allowed to read and write rows of that database only.

Options:
  --no-seed   migrate only
  --help      this text
`;
answerHelp(USAGE);

/**
 * `npm run migrate [-- --no-seed]`: creates each service's database if needed, applies its
 * pending migrations, then loads the seed data set into databases that are still empty.
 */
async function main(): Promise<void> {
  const reader = new ConfigReader();
  const config = readDistributedConfig(reader, 0);
  const passwords = new Map<string, string>();
  for (const def of SERVICES) {
    const variable = `${def.name.toUpperCase()}_DB_PASSWORD`;
    const password = reader.optional(variable);
    if (password === undefined) continue;
    const problem = secretProblem(variable, password);
    if (problem) reader.problem(problem);
    passwords.set(def.name, password);
  }
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const seed = !process.argv.includes('--no-seed');
  const logger = createLogger('migrate', config.logLevel);
  for (const def of SERVICES) {
    const name = databaseName(config, def.name);
    try {
      await ensureMysqlDatabase(config.mysqlUrl, name);
    } catch (err) {
      exitWithMessage(
        `cannot reach MySQL at ${new URL(config.mysqlUrl).host} (${describeStartupError(err)}); start MariaDB/MySQL or fix MYSQL_URL`,
      );
    }
    const password = passwords.get(def.name);
    if (password !== undefined) {
      await ensureServiceUser(config.mysqlUrl, name, name, password);
      logger.info({ database: name, user: name }, `${def.name}: its own account may read and write ${name} only`);
    }
    const { dataSource } = mysqlDataSource(def, config);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      logger.info(
        { database: name, applied: applied.map((m) => m.name) },
        `${def.name}: ${applied.length} migration(s) applied`,
      );
      if (seed && (await def.seed(dataSource, logger)))
        logger.info({ database: name }, `${def.name}: seed data loaded`);
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((err: unknown) => exitWithMessage(`migration failed: ${describeStartupError(err)}`));
