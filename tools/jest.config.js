module.exports = require('../jest.preset.js')({ displayName: 'tools', testTimeout: 120_000, maxWorkers: 1 });
