export * from './provenance.kernel';
