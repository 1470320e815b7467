export * from './metrics.registry';
