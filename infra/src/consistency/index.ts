export * from './consistency.kernel';
