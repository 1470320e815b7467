import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import type { DomainEvent } from '../bus/event-bus';
import { runTransaction } from '../database/transaction';
import type { NewEvent } from '../outbox/outbox.writer';
import { writeEvent } from '../outbox/outbox.writer';

/** Per-request DataLoaders, created on first use so a request pays only for what it touches. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
    options?: DataLoader.Options<K, V, string>,
  ): DataLoader<K, V, string> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, string>(batch, {
        cacheKeyFn: (k) => JSON.stringify(k),
        ...options,
      });
      this.loaders.set(name, loader);
    }
    return loader as unknown as DataLoader<K, V, string>;
  }
}

/** A transaction with an outbox: state changes and their events commit together. */
export interface Transaction {
  manager: EntityManager;
  emit<T>(event: NewEvent<T>): Promise<DomainEvent<T>>;
}

export class Database {
  constructor(
    readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let emitted = 0;
    const result = await runTransaction(this.dataSource, async (manager) =>
      work({
        manager,
        emit: (event) => {
          emitted++;
          return writeEvent(manager, event);
        },
      }),
    );
    if (emitted) this.afterCommit();
    return result;
  }
}

export interface RequestContext {
  caller: Caller;
  requestId: string;
  logger: Logger;
  loaders: LoaderRegistry;
  db: Database;
}
