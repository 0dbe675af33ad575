// forceExit: a process a failed test left running must not keep the run open; the global teardown ends it.
// Two workers, each with its own certificates and HOME; CPU-heavy specs take turns (support/worker-environment.ts).
module.exports = require('../jest.preset.js')({
  displayName: 'e2e',
  maxWorkers: 2,
  forceExit: true,
  testEnvironment: '<rootDir>/src/support/worker-environment.ts',
  testSequencer: '<rootDir>/test-sequencer.js',
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/support/jest-setup.ts'],
});
