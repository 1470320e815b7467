import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetStatsRollup1796209110344 implements MigrationInterface {
  name = 'BudgetStatsRollup1796209110344';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`budget_stats_rollup\` (\`satkerCode\` varchar(6) NOT NULL, \`year\` int NOT NULL, \`expenseType\` varchar(10) NOT NULL, \`programmeCode\` varchar(20) NOT NULL, \`goalCode\` varchar(10) NOT NULL, \`month\` int NOT NULL, \`unitCode\` varchar(40) NOT NULL, \`ceiling\` bigint NOT NULL DEFAULT '0', \`realized\` bigint NOT NULL DEFAULT '0', INDEX \`ix_budget_stats_year_unit\` (\`year\`, \`unitCode\`), PRIMARY KEY (\`satkerCode\`, \`year\`, \`expenseType\`, \`programmeCode\`, \`goalCode\`, \`month\`)) ENGINE=InnoDB`);
    // Backfill from the base tables: ceilings (month 0) from the line changes, realisation per
    // month from the transactions. Frozen here; the same GROUP BY as rebuildBudgetStatsRollup.
    const from = `INNER JOIN \`dipa\` d ON d.\`id\` = l.\`dipaId\`
      INNER JOIN \`satker\` s ON s.\`code\` = d.\`satkerCode\`
      INNER JOIN \`account\` a ON a.\`code\` = l.\`accountCode\`
      LEFT JOIN \`budget_output\` o ON o.\`id\` = l.\`outputId\`
      LEFT JOIN \`budget_activity\` ac ON ac.\`id\` = o.\`activityId\`
      LEFT JOIN \`budget_programme\` p ON p.\`id\` = ac.\`programmeId\``;
    const key = `d.\`satkerCode\`, d.\`year\`, a.\`expenseType\`, COALESCE(p.\`code\`, ''), COALESCE(l.\`goalCode\`, '')`;
    const columns = `(\`satkerCode\`, \`year\`, \`expenseType\`, \`programmeCode\`, \`goalCode\`, \`month\`, \`unitCode\`, \`ceiling\`, \`realized\`)`;
    await queryRunner.query(
      `INSERT INTO \`budget_stats_rollup\` ${columns} SELECT ${key}, 0, s.\`unitCode\`, SUM(c.\`ceilingChange\`), 0 FROM \`budget_line_change\` c INNER JOIN \`budget_line\` l ON l.\`id\` = c.\`lineId\` ${from} GROUP BY ${key}, s.\`unitCode\``,
    );
    await queryRunner.query(
      `INSERT INTO \`budget_stats_rollup\` ${columns} SELECT ${key}, MONTH(r.\`date\`), s.\`unitCode\`, 0, SUM(r.\`amount\`) FROM \`realization\` r INNER JOIN \`budget_line\` l ON l.\`id\` = r.\`lineId\` ${from} GROUP BY ${key}, MONTH(r.\`date\`), s.\`unitCode\``,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_budget_stats_year_unit\` ON \`budget_stats_rollup\``);
    await queryRunner.query(`DROP TABLE \`budget_stats_rollup\``);
  }
}
