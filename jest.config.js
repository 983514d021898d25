// Three projects: pure unit tests, API tests that boot Strapi on a temp database, and tests
// that only make sense against MariaDB + Redis (run by `npm run test:services`).
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' }, module: { type: 'commonjs' } },
  ],
};

const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/build/'],
};

const strapiProject = {
  ...common,
  setupFiles: ['<rootDir>/tests/helpers/env.js'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  slowTestThreshold: 30,
};

module.exports = {
  // Hooks boot Strapi and sync ~100 tables; on MariaDB on a busy 2-core machine that can pass two minutes.
  testTimeout: 300000,
  maxWorkers: process.env.JEST_MAX_WORKERS || 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
    },
    { ...strapiProject, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...strapiProject, displayName: 'services', testMatch: ['<rootDir>/tests/services/**/*.test.ts'] },
  ],
};
