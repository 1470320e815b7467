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

/**
 * The service's database. `dataSource` is the primary: every write, every transaction, the outbox
 * and the consumers, and every read whose caller may have just written (the detailed API answers
 * a mutation's own change at once). `reader` is for reads that tolerate lag, the ministry-wide
 * statistics: the replica when MYSQL_READ_URL is configured, otherwise the primary itself.
 */
export class Database {
  readonly reader: DataSource;

  constructor(
    readonly dataSource: DataSource,
    private readonly afterCommit: () => void = () => undefined,
    reader?: DataSource,
  ) {
    this.reader = reader ?? dataSource;
  }

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

/** The replica seen as a Database: reads only, so a write that strays here fails loudly instead of being lost. */
class ReplicaReads extends Database {
  constructor(reader: DataSource) {
    super(reader, undefined, reader);
  }

  override transaction<T>(): Promise<T> {
    return Promise.reject(
      new Error('a transaction was opened on the replica: writes and read-your-writes reads belong to ctx.db'),
    );
  }
}

const lagTolerantViews = new WeakMap<RequestContext, RequestContext>();

/**
 * The request as the reads that tolerate lag (the ministry-wide statistics) see it: its
 * `db.dataSource` is the replica when one is configured, and its loaders are its own, so rows
 * read from the replica never answer a loader of the primary in the same request. Without a
 * replica it is the request itself, loaders shared as before.
 */
export function lagTolerant(ctx: RequestContext): RequestContext {
  if (ctx.db.reader === ctx.db.dataSource) return ctx;
  let view = lagTolerantViews.get(ctx);
  if (!view) {
    view = { ...ctx, loaders: new LoaderRegistry(), db: new ReplicaReads(ctx.db.reader) };
    lagTolerantViews.set(ctx, view);
  }
  return view;
}
