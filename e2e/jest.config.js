// forceExit: a process a failed test left running must not keep the run open; the global teardown ends it.
module.exports = require('../jest.preset.js')({
  displayName: 'e2e',
  maxWorkers: 1,
  forceExit: true,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/support/jest-setup.ts'],
});
