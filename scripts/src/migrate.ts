import { answerHelp } from './cli.usage';
import { SERVICES } from '@kesos/gateway';
import {
  ConfigReader,
  createLogger,
  databaseName,
  describeStartupError,
  ensureMysqlDatabase,
  exitWithMessage,
  mysqlDataSource,
  readDistributedConfig,
} from '@kesos/infra';

const USAGE = `Usage: npm run migrate [-- --no-seed]

Creates each service's MariaDB database if needed (MYSQL_URL), applies its
pending migrations, then loads the seed data set into databases that are still empty.

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
