import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, type OrderWorld } from '../../helpers/orders';
import { paymentLandsWhileTimeoutDecides, raceUnpaidTimeoutAgainstPayment } from '../../helpers/unpaid-race';

// Runs in every suite: on SQLite the two units interleave on the event loop around one connection;
// on MariaDB / PostgreSQL (`test:services`, `test:postgres`) they run on two connections at once.
let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

it('never lets the unpaid timeout cancel an order a payment committed first (many rounds)', async () => {
  const tally = await raceUnpaidTimeoutAgainstPayment(app, w, 25);
  expect(tally.paidWon + tally.timeoutWon).toBe(25);
});

it('leaves the order paid when the payment commits after the timeout looked but before it wrote', async () => {
  await paymentLandsWhileTimeoutDecides(app, w, 9, 10);
});
