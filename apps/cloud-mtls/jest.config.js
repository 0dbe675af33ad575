module.exports = require('../../jest.preset.js')({ displayName: 'cloud-mtls' });
