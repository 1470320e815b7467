import { answerHelp } from './cli.usage';
import { rebuildBudgetStatsRollup } from '@kesos/budget';
import { rebuildSurveyTotals } from '@kesos/performance';
import {
  rebuildAccreditationStats,
  rebuildAtensiStats,
  rebuildCertificationStats,
  rebuildTrainingStats,
} from '@kesos/training';
import { SERVICES } from '@kesos/gateway';
import {
  ConfigReader,
  createLogger,
  databaseName,
  describeStartupError,
  exitWithMessage,
  mysqlDataSource,
  readDistributedConfig,
} from '@kesos/infra';
import type { DataSource } from 'typeorm';

const USAGE = `Usage: npm run stats:rebuild [-- training budget performance]

Recomputes the statistics rollups of the named services (default all three) from their base
tables, each in one transaction. Run it with the services stopped, after a bulk load or a restore.

Options:
  --help   this text
`;
answerHelp(USAGE);

/** The statistics rollups each service keeps, and how to recompute each from its base tables. */
const REBUILDS: Record<string, (dataSource: DataSource) => Promise<number>> = {
  training: async (dataSource) => {
    const counts = await dataSource.transaction((m) => rebuildTrainingStats(m));
    const certification = await dataSource.transaction((m) => rebuildCertificationStats(m));
    const accreditation = await dataSource.transaction((m) => rebuildAccreditationStats(m));
    const atensi = await dataSource.transaction((m) => rebuildAtensiStats(m));
    return counts.rollupRows + counts.participantRows + certification + accreditation + atensi;
  },
  budget: (dataSource) => dataSource.transaction((m) => rebuildBudgetStatsRollup(m)),
  performance: async (dataSource) => {
    await dataSource.transaction((m) => rebuildSurveyTotals(m));
    const [row] = await dataSource.query<{ n: number | string }[]>(
      'SELECT (SELECT COUNT(*) FROM survey_total) + (SELECT COUNT(*) FROM survey_demographic_total) AS n',
    );
    return Number(row?.n ?? 0);
  },
};

/**
 * `npm run stats:rebuild [-- training budget performance]`: recomputes the statistics rollups from
 * the base tables in one transaction each (readers see the old rollup until it commits), e.g.
 * after a bulk load that bypassed the services' write paths. Without a name, every service that
 * keeps one. Run it with the services stopped, like a migration: at READ COMMITTED a write
 * committed while the rebuild reads the base tables may be missed or counted twice.
 */
async function main(): Promise<void> {
  const reader = new ConfigReader();
  const config = readDistributedConfig(reader, 0);
  try {
    reader.done();
  } catch (err) {
    exitWithMessage(describeStartupError(err));
  }
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const unknown = asked.filter((name) => !(name in REBUILDS));
  if (unknown.length)
    exitWithMessage(`no statistics rollup in ${unknown.join(', ')}; known: ${Object.keys(REBUILDS).join(', ')}`);
  const logger = createLogger('stats-rebuild', config.logLevel);
  for (const def of SERVICES) {
    const rebuild = REBUILDS[def.name];
    if (!(def.name in REBUILDS) || (asked.length && !asked.includes(def.name))) continue;
    const { dataSource } = mysqlDataSource(def, config);
    await dataSource.initialize();
    try {
      const started = Date.now();
      const rows = await rebuild(dataSource);
      logger.info(
        { database: databaseName(config, def.name), rows, ms: Date.now() - started },
        `${def.name}: statistics rollup rebuilt (${rows} rows)`,
      );
    } finally {
      await dataSource.destroy();
    }
  }
}

main().catch((err: unknown) => exitWithMessage(`statistics rebuild failed: ${describeStartupError(err)}`));
