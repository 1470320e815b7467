export * from './provenance.kernel';
export * from './provenance.counters';
