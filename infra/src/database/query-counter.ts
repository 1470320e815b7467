import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts SQL statements so tests can prove that a list does not issue one query per item.
 * It logs nothing itself: failed queries surface as errors where they are thrown.
 */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  /** Runs fn and returns how many statements it issued. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = this.count;
    const result = await fn();
    return { result, queries: this.count - before };
  }
}
