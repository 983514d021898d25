/**
 * Orders: quote and create at 50 concurrent clients against the real HTTP API, next to a plain
 * Strapi `find` on the catalog in the same process (the baseline the ratios are taken against).
 * SQLite by default; DATABASE_CLIENT=mysql (+ REDIS_URL) for MariaDB.
 */
import { bootStrapi } from '../tests/helpers/strapi';
import { buildOrderWorld, localAt } from '../tests/helpers/orders';
import { load, report } from './_load';

const CONCURRENCY = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

export default async function run(): Promise<void> {
  const app = await bootStrapi({ listen: true });
  try {
    const world = await buildOrderWorld(app.strapi, app.http);
    const base = app.url!;
    const headers = { 'Content-Type': 'application/json', ...world.member.auth };
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then(async (r) => {
        await r.arrayBuffer();
        return r.ok;
      });

    const find = () =>
      fetch(`${base}/api/service-items?filters[category][slug][$eq]=home-cleaning`).then(async (r) => {
        await r.arrayBuffer();
        return r.ok;
      });
    // Warm up each path so JIT and statement caches do not land in the measured figures.
    await load(200, 10, find);
    await load(200, 10, () => post('/api/orders/quote', { serviceItem: world.hourly, quantity: 3 }));

    const baseline = await load(REQUESTS, CONCURRENCY, find);
    report('catalog_find_baseline', baseline);

    const quote = await load(REQUESTS, CONCURRENCY, () => post('/api/orders/quote', { serviceItem: world.hourly, quantity: 3 }));
    report('orders_quote', quote);

    // Orders spread over two weeks of business hours so the set looks like real bookings.
    const create = await load(REQUESTS, CONCURRENCY, (i) =>
      post('/api/orders', {
        serviceItem: world.hourly,
        quantity: 2,
        address: world.address,
        scheduledAt: localAt(2 + (i % 14), 9 + (i % 8)),
        paymentMode: 'full',
      }),
    );
    report('orders_create', create);

    console.log(`orders_quote.vs_baseline ${(quote.throughput / baseline.throughput).toFixed(2)} ratio`);
    console.log(`orders_create.vs_baseline ${(create.throughput / baseline.throughput).toFixed(2)} ratio`);
  } finally {
    await app.close();
  }
}
