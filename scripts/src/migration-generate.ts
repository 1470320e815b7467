import { answerHelp } from './cli.usage';
import { SERVICES } from '@kesos/gateway';
import { assertTestDatabase, createDataSource, ensureMysqlDatabase, serviceEntities } from '@kesos/infra';
import { TEST_MYSQL_URL } from '@kesos/infra/testing';
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = `Usage: npm run migration:generate -- <training|budget|performance> <PascalCaseName> [--replace]

Applies the service's migrations to a scratch database, compares it with the entities and writes
the difference as a new migration in services/<service>/src/migrations, registered in its
index.ts (review it by hand). MariaDB at TEST_MYSQL_URL.

Options:
  --replace   delete the service's migrations first and write one that recreates the whole
              schema (only while no database anywhere has applied them)
  --help      this text
`;
answerHelp(USAGE);

/**
 * `npm run migration:generate -- <service> <Name>`: applies the service's migrations to a scratch
 * test database, diffs it against the entities and writes the difference as a new migration
 * (to be reviewed by hand) and registers it in src/migrations/index.ts. With --replace, the
 * service's existing migrations are deleted first and one migration recreates the whole schema
 * (only while no database anywhere has applied them).
 */
async function main(): Promise<void> {
  const replace = process.argv.includes('--replace');
  const [service, name] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const def = SERVICES.find((s) => s.name === service);
  if (!def || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('usage: npm run migration:generate -- <training|budget|performance> <PascalCaseName>');
  const dir = join(__dirname, '..', '..', 'services', def.name, 'src', 'migrations');
  const indexFile = join(dir, 'index.ts');
  if (replace) {
    for (const f of readdirSync(dir)) if (/^\d+-.*\.ts$/.test(f)) unlinkSync(join(dir, f));
    writeFileSync(
      indexFile,
      `/** Applied in order by \`npm run migrate\`; generated with \`npm run migration:generate\`, reviewed by hand. */\nexport const ${def.name}Migrations = [];\n`,
    );
    def.migrations.length = 0;
  }
  const database = `kesos_test_migration_${def.name}_${process.pid}`;
  assertTestDatabase(database);
  await ensureMysqlDatabase(TEST_MYSQL_URL, database);
  const { dataSource } = createDataSource({
    target: { kind: 'mysql', url: TEST_MYSQL_URL, database },
    entities: serviceEntities(def),
    migrations: def.migrations,
  });
  await dataSource.initialize();
  try {
    await dataSource.query(`DROP DATABASE \`${database}\``);
    await dataSource.query(`CREATE DATABASE \`${database}\``);
    await dataSource.query(`USE \`${database}\``);
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (!sql.upQueries.length) {
      process.stdout.write(`${def.name}: entities and migrations agree; nothing to generate\n`);
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = [...sql.downQueries]
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join('\n');
    const file = `${timestamp}-${name}`;
    writeFileSync(
      join(dir, `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    let index = readFileSync(indexFile, 'utf8');
    index = `import { ${className} } from './${file}';\n` + index;
    index = index.replace(
      /= \[(.*?)\];/s,
      (_m, list: string) =>
        `= [${[
          ...list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          className,
        ].join(', ')}];`,
    );
    writeFileSync(indexFile, index);
    process.stdout.write(
      `${def.name}: wrote src/migrations/${file}.ts (${sql.upQueries.length} statements); review it\n`,
    );
  } finally {
    await dataSource.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
