import type { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';

/** The chart of accounts by account code. */
export async function accountsByCode(ds: DataSource): Promise<Map<string, AccountEntity>> {
  return new Map((await ds.getRepository(AccountEntity).find()).map((a) => [a.code, a]));
}
