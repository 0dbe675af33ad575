/** Shared Jest settings; each project's jest.config.js passes what differs. */
module.exports = ({ displayName, testTimeout = 10_000, ...rest }) => ({
  displayName,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['development', 'node', 'require', 'default'] },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout,
  ...rest,
});
