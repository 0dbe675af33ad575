module.exports = require('../../jest.preset.js')({ displayName: 'local-mtls' });
