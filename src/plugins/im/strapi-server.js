'use strict';

const path = require('path');

// The app's tsc compiles this plugin with the rest of src/ into dist/ (`npm run build`, or the
// compile step of `strapi develop`, the tests and the seed). Fail loudly when that output is
// missing: Strapi would otherwise boot without the plugin and drop its tables.
const compiled = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'plugins', 'im', 'server', 'src');
try {
  module.exports = require(compiled).default;
} catch (err) {
  if (err.code === 'MODULE_NOT_FOUND' && err.message.includes(compiled)) {
    throw new Error(`im plugin is not compiled (${compiled}); run \`npm run build\` first`);
  }
  throw err;
}
