#!/usr/bin/env node
/**
 * npm run seed — loads the app (without serving HTTP) and writes the demo data of API.md
 * "Demo data". Safe to re-run: existing records are found by natural key and left alone.
 *
 * Honours the same environment as the app (.env, DATABASE_*, PORT/HOST, NODE_ENV). With
 * NODE_ENV=production the demo accounts (member, workers, admin and staff) are not created.
 */
'use strict';

const path = require('path');

const appDir = path.resolve(__dirname, '..');
// Strapi reads .env from ENV_PATH (or the working directory) when it is first required.
process.env.ENV_PATH = process.env.ENV_PATH || path.join(appDir, '.env');
// Lets the app's bootstrap skip servers and consumers a one-shot script does not need.
process.env.STRAPI_SCRIPT = 'seed';

function formatSummary(summary, timings) {
  const c = summary.counts;
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `seed finished: ${summary.changes.created} created, ${summary.changes.updated} updated ` +
      `(compile ${s(timings.compile)}, boot ${s(timings.boot)}, seed ${s(timings.seed)})`,
    `  cities ${c.cities} · categories ${c.categories} · skills ${c.skills} · service items ${c.serviceItems}`,
    `  workers ${c.workers} · users ${c.users} · customer profiles ${c.customerProfiles} · addresses ${c.addresses}`,
    `  coupons ${c.coupons} · user coupons ${c.userCoupons} · gifts ${c.gifts} · points entries ${c.pointsEntries}`,
    `  message templates ${c.messageTemplates} · platform settings ${c.platformSettings} · city operators ${c.cityOperators}`,
    `  admin users ${c.adminUsers} · media files ${c.files}`,
  ];
  for (const note of summary.skipped) lines.push(`  skipped: ${note}`);
  return lines.join('\n');
}

async function main() {
  const t0 = Date.now();
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const { distDir } = await compileStrapi({ appDir });
  const t1 = Date.now();
  const app = await createStrapi({ appDir, distDir }).load();
  const t2 = Date.now();
  let exitCode = 0;
  try {
    const { seedDemo } = require(path.join(distDir, 'src', 'seed', 'seed-demo.js'));
    const production = process.env.NODE_ENV === 'production';
    const summary = await seedDemo(app, {
      accounts: !production,
      images: true,
      log: (message) => console.log(`[seed] ${message}`),
    });
    console.log(formatSummary(summary, { compile: t1 - t0, boot: t2 - t1, seed: Date.now() - t2 }));
  } catch (error) {
    console.error('[seed] failed:', error);
    exitCode = 1;
  } finally {
    await app.destroy();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error('[seed] failed:', error);
  process.exit(1);
});
