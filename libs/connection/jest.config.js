module.exports = require('../../jest.preset.js')({
  displayName: 'connection',
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
});
