export * from './tracing.setup';
export * from './tracing.spans';
