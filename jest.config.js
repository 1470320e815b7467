/** Tests run in-band against the real MariaDB and NATS on this machine; see README. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/infra', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/scripts'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  // Tests see every workspace package as source, so one copy of each class (and of type-graphql's
  // metadata) exists per test run.
  moduleNameMapper: {
    '^@kesos/infra$': '<rootDir>/infra/src/index.ts',
    '^@kesos/infra/testing$': '<rootDir>/infra/src/testing/index.ts',
    '^@kesos/(training|budget|performance)$': '<rootDir>/services/$1/src/index.ts',
    '^@kesos/gateway$': '<rootDir>/gateway/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
};
