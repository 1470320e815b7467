import { GraphQLError } from 'graphql';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { assertTestDatabase, clientErrorFromDriver, createDataSource, createLogger, ensureMysqlDatabase } from '../src';
import { TEST_MYSQL_URL, testDatabaseName } from '../src/testing';

/** Log lines written by a logger, parsed, for tests that check what reaches the log. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('test', 'debug', destination), lines };
}

/**
 * Real MariaDB errors: what the logs keep of them (never the statement or its values) and
 * which of them the graph answers as the client's mistake (the safety net behind the column check).
 */
describe('database errors on MariaDB', () => {
  const database = testDatabaseName('infra_errors');
  const { dataSource } = createDataSource({ target: { kind: 'mysql', url: TEST_MYSQL_URL, database }, entities: [] });
  const NIK = '1371014101990001';

  beforeAll(async () => {
    assertTestDatabase(database);
    await ensureMysqlDatabase(TEST_MYSQL_URL, database);
    await dataSource.initialize();
    await dataSource.query('DROP TABLE IF EXISTS person');
    await dataSource.query(
      'CREATE TABLE person (id INT PRIMARY KEY AUTO_INCREMENT, nik VARCHAR(16) NOT NULL UNIQUE, name VARCHAR(5) NOT NULL)',
    );
    await dataSource.query('INSERT INTO person (nik, name) VALUES (?, ?)', [NIK, 'Ani']);
  });
  afterAll(async () => {
    await dataSource.query(`DROP DATABASE \`${database}\``).catch(() => undefined);
    await dataSource.destroy();
  });

  const failing = async (sql: string, parameters: unknown[]): Promise<QueryFailedError> => {
    const error = await dataSource.query(sql, parameters).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    return error as QueryFailedError;
  };

  test('a logged query error carries neither the SQL nor its parameters nor the values MariaDB quotes', async () => {
    const duplicate = await failing('INSERT INTO person (nik, name) VALUES (?, ?)', [NIK, 'Budi']);
    // What an unlogged error holds, so this test proves something: the NIK is in the message and the parameters.
    expect(duplicate.message).toContain(NIK);
    expect(JSON.stringify((duplicate as unknown as { parameters: unknown[] }).parameters)).toContain(NIK);
    const tooLong = await failing('UPDATE person SET name = ? WHERE nik = ?', ['Siti Rahmawati', NIK]);
    const { logger, lines } = capturedLogger();
    logger.error({ err: duplicate }, 'unexpected error');
    logger.error({ err: tooLong }, 'unexpected error');
    // As a resolver's error reaches the masking plugin: a GraphQL error repeating the message.
    logger.error({ err: new GraphQLError(duplicate.message, { originalError: duplicate }) }, 'unexpected error');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(NIK);
      expect(line).not.toContain('Siti');
      expect(line).not.toMatch(/INSERT INTO|UPDATE person|"parameters"|"query"|"sql"/);
    }
    const [first, second] = lines.slice(0, 2).map(
      (l) =>
        JSON.parse(l) as {
          err: { type: string; code?: string; message: string; stack?: string; driverError?: { code?: string } };
        },
    );
    expect(first.err).toMatchObject({
      type: 'QueryFailedError',
      message: "Duplicate entry '?' for key 'nik'",
      driverError: { code: 'ER_DUP_ENTRY' },
    });
    expect(first.err.stack).toMatch(/^QueryFailedError: Duplicate entry '\?' for key 'nik'\n\s+at /);
    expect(second.err.message).toBe("Data too long for column 'name' at row 1");
  });

  test("the driver refusing a value as too long or out of range is the client's mistake, named by field", async () => {
    const tooLong = await failing('UPDATE person SET name = ? WHERE nik = ?', ['Siti Rahmawati', NIK]);
    expect(clientErrorFromDriver(tooLong)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const outOfRange = await failing('UPDATE person SET id = ? WHERE nik = ?', [2 ** 40, NIK]);
    expect(clientErrorFromDriver(outOfRange)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(
      clientErrorFromDriver(await failing('INSERT INTO person (nik, name) VALUES (?, ?)', [NIK, 'Budi'])),
    ).toBeUndefined();
  });
});
