module.exports = require('../jest.preset.js')({ displayName: 'tools', testTimeout: 30_000 });
