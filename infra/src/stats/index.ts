export * from './stats.kernel';
