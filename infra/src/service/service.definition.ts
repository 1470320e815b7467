import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { ConsumerSpec } from '../outbox/event.consumer';
import type { FederatedSchemaSpec } from '../schema/federated-schema.builder';

/** Everything the runtime needs to know about a subgraph; each service exports one. */
export interface ServiceDefinition {
  name: 'training' | 'budget' | 'performance';
  defaultPort: number;
  // TypeORM takes entity classes as bare constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  schema: FederatedSchemaSpec;
  consumers: ConsumerSpec[];
  /** Root fields answered without a token (e.g. verifyCertificate); every other field refuses the public caller. */
  publicRootFields?: string[];
  /** Loads the seed data set into an empty database; returns false when data was already there. */
  seed(dataSource: DataSource, logger: Logger): Promise<boolean>;
}
