module.exports = require('../../jest.preset.js')({ displayName: 'codec-server' });
