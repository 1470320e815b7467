export * from './year.range';
export * from './iso-date.parse';
export * from './unit-year.type';
