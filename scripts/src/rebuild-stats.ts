import {
  ConfigReader,
  createLogger,
  databaseName,
  describeStartupError,
  exitWithMessage,
  mysqlDataSource,
  readDistributedConfig,
} from '@kesos/infra';
import { rebuildTrainingStats, trainingService } from '@kesos/training';

/**
 * `npm run rebuild-stats`: recomputes the training statistics rollup (`training_stats_rollup`,
 * `training_stats_participant`) from the enrollments in one transaction; readers see the old counts
 * until it commits. Run it with the training service stopped, like a migration: at READ COMMITTED
 * a write committed while the rebuild reads the enrollments may be missed or counted twice.
 */
async function main(): Promise<void> {
  const reader = new ConfigReader();
  const config = readDistributedConfig(reader, 0);
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const logger = createLogger('rebuild-stats', config.logLevel);
  const { dataSource } = mysqlDataSource(trainingService, config);
  await dataSource.initialize();
  try {
    const started = Date.now();
    const counts = await dataSource.transaction((m) => rebuildTrainingStats(m));
    logger.info(
      { database: databaseName(config, trainingService.name), ...counts, ms: Date.now() - started },
      'training statistics rebuilt from the enrollments',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => exitWithMessage(`rebuild failed: ${describeStartupError(err)}`));
