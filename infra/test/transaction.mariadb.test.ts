import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  assertTestDatabase,
  ConflictError,
  createDataSource,
  ensureMysqlDatabase,
  forUpdate,
  runTransaction,
  updateIfStill,
} from '../src';
import { dropTestDatabase, TEST_MYSQL_URL, testDatabaseName } from '../src/testing';

@Entity('test_row')
class RowEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'int' })
  value!: number;
}

const DATABASE = testDatabaseName('infra_transaction');

/** Transactions on the real MariaDB: what a read sees, lost transitions, lock waits. */
describe('runTransaction on MariaDB', () => {
  let ds: DataSource;

  beforeAll(async () => {
    assertTestDatabase(DATABASE);
    await ensureMysqlDatabase(TEST_MYSQL_URL, DATABASE);
    ds = createDataSource({
      target: { kind: 'mysql', url: TEST_MYSQL_URL, database: DATABASE },
      entities: [RowEntity],
    }).dataSource;
    await ds.initialize();
    // Infra has no migrations of its own; the test schema follows the entities.
    await ds.synchronize(true);
  });
  afterAll(async () => {
    await ds?.destroy();
    await dropTestDatabase(DATABASE);
  });
  beforeEach(async () => {
    await ds.getRepository(RowEntity).clear();
    await ds.getRepository(RowEntity).insert([
      { name: 'a', status: 'OPEN', value: 1 },
      { name: 'b', status: 'OPEN', value: 1 },
    ]);
  });

  it('a read after an earlier read sees what another transaction committed in between (READ COMMITTED)', async () => {
    const seen = await runTransaction(ds, async (m) => {
      await m.findOneBy(RowEntity, { name: 'a' });
      // Another pooled connection commits while this transaction is open.
      await ds.query("UPDATE test_row SET value = 2 WHERE name = 'b'");
      return (await m.findOneByOrFail(RowEntity, { name: 'b' })).value;
    });
    expect(seen).toBe(2);
  });

  it('a transition whose row was moved by someone else writes nothing and answers CONFLICT', async () => {
    await ds.query("UPDATE test_row SET status = 'CLOSED', value = 7 WHERE name = 'a'");
    const attempt = runTransaction(ds, (m) =>
      updateIfStill(
        m,
        RowEntity,
        { name: 'a', status: 'OPEN' },
        { status: 'CLOSED', value: 9 },
        'row a was closed meanwhile',
      ),
    );
    await expect(attempt).rejects.toThrow(ConflictError);
    expect(await ds.getRepository(RowEntity).findOneBy({ name: 'a' })).toMatchObject({ status: 'CLOSED', value: 7 });
    await runTransaction(ds, (m) =>
      updateIfStill(m, RowEntity, { name: 'b', status: 'OPEN' }, { status: 'CLOSED' }, 'unexpected'),
    );
    expect((await ds.getRepository(RowEntity).findOneBy({ name: 'b' }))?.status).toBe('CLOSED');
  });

  it('a row lock held longer than MariaDB waits answers CONFLICT, not an internal error', async () => {
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const lockTaken = new Promise<void>((r) => (locked = r));
    const holder = runTransaction(ds, async (m) => {
      await m.findOne(RowEntity, { where: { name: 'a' }, ...forUpdate(m) });
      locked();
      await held;
    });
    await lockTaken;
    try {
      const waiter = runTransaction(ds, async (m) => {
        // Session setting of this pooled connection; only this test's data source uses it.
        await m.query('SET SESSION innodb_lock_wait_timeout = 1');
        await m.findOne(RowEntity, { where: { name: 'a' }, ...forUpdate(m) });
      });
      await expect(waiter).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    } finally {
      release();
      await holder;
    }
  });
});
