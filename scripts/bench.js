#!/usr/bin/env node
/**
 * `npm run bench [name…]`: compiles the app, then runs bench/<name>.ts (all when none given).
 * Benchmarks print one `name value unit` line per figure. TypeScript is loaded through swc.
 */
const fs = require('fs');
const path = require('path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function loadTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2021' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

async function main() {
  require('../tests/helpers/env');
  // Not 'production': its boot guards (rightly) refuse console SMS and the sandbox payment channel
  // that the benchmarks' fixtures use. Both sides of every ratio run under the same setting.
  process.env.NODE_ENV = 'benchmark';
  process.env.STRAPI_LOG_LEVEL = process.env.STRAPI_LOG_LEVEL || 'error';
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const dir = path.resolve(__dirname, '..', 'bench');
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .filter((f) => wanted.length === 0 || wanted.includes(path.basename(f, '.ts')));
  for (const file of files) {
    console.log(`# ${file} (${process.env.DATABASE_CLIENT || 'sqlite'}${process.env.REDIS_URL ? ' + redis' : ''})`);
    await require(path.join(dir, file)).default();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
