#!/usr/bin/env node
/**
 * `npm run worker`: runs the queue consumers (unpaid-order timeouts, payment follow-ups…) in a
 * process of its own, next to web instances started with QUEUE_WORKERS=false. Needs Redis
 * (BullMQ): with the in-process queue there is nothing to share. Uses the built app (dist/).
 */
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const distDir = path.join(appDir, 'dist');

if (!process.env.REDIS_URL && !process.env.REDIS_CLUSTER_NODES) {
  console.error('npm run worker needs REDIS_URL or REDIS_CLUSTER_NODES: queue consumers share jobs through Redis.');
  process.exit(1);
}
if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) {
  console.error('The app is not built: run `npm run build` first.');
  process.exit(1);
}

process.env.QUEUE_WORKERS = 'true';

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  // load() runs register/bootstrap (which register the consumers) without serving HTTP.
  const strapi = await createStrapi({ appDir, distDir }).load();
  // Strapi handles SIGTERM/SIGINT itself: destroy() closes the queue after running jobs finish.
  strapi.log.info('shangmen worker: queue consumers running');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
