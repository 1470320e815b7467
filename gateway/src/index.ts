export * from './services';
export * from './gateway.server';
export * from './gateway.auth';
export * from './supergraph.compose';
export * from './embedded';
export * from './subgraph.datasource';
