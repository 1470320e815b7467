export * from './test.database';
export * from './subgraph.client';
export * from './private.mariadb';
export * from './poll.helpers';
export * from './test.service';
export * from './settle.events';
export * from './test.tracing';
