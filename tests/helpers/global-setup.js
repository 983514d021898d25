const path = require('path');

// Compile the app once for every test file; each file then boots from dist/.
module.exports = async () => {
  require('./env');
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
};
