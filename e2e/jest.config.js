// forceExit: a process a failed test left running must not keep the run open; app-process stops them on exit.
module.exports = require('../jest.preset.js')({
  displayName: 'e2e',
  testTimeout: 120_000,
  maxWorkers: 1,
  forceExit: true,
});
