// Boots like a default `npm start`: no PAYMENTS_SANDBOX (tests/helpers/env.js turns it on for the others).
delete process.env.PAYMENTS_SANDBOX;

import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, type OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  await app?.close();
});

const PAYMENT_UID = 'plugin::payments.payment';
const countPayments = () => app.strapi.db.query(PAYMENT_UID).count({});

describe('sandbox channel off by default', () => {
  it('is not listed among the channels', async () => {
    const res = await app.http.get('/api/payments/channels').expect(200);
    expect(res.body.data).not.toContain('sandbox');
  });

  it('refuses to pay an order through the sandbox with CHANNEL_DISABLED and writes nothing', async () => {
    const order = (
      await app.http
        .post('/api/orders')
        .set(w.member.auth)
        .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(3, 9), paymentMode: 'full' })
        .expect(201)
    ).body.data;
    const before = await countPayments();
    const res = await app.http.post(`/api/orders/${order.documentId}/pay`).set(w.member.auth).send({ channel: 'sandbox' }).expect(400);
    expect(res.body.error.details.code).toBe('CHANNEL_DISABLED');
    expect(await countPayments()).toBe(before);
    const fresh = await app.http.get(`/api/orders/${order.documentId}`).set(w.member.auth).expect(200);
    expect(fresh.body.data).toMatchObject({ status: 'pending_payment', amounts: { paid: 0 } });
  });

  it('refuses a sandbox wallet top-up with CHANNEL_DISABLED and the balance stays 0', async () => {
    const before = await countPayments();
    const res = await app.http.post('/api/me/wallet/topup').set(w.member.auth).send({ amount: 500_000, channel: 'sandbox' }).expect(400);
    expect(res.body.error.details.code).toBe('CHANNEL_DISABLED');
    expect(await countPayments()).toBe(before);
    const wallet = await app.http.get('/api/me/wallet').set(w.member.auth).expect(200);
    expect(wallet.body.data.balance).toBe(0);
  });

  it('answers the confirm route and the sandbox notify route with 404', async () => {
    const confirm = await app.http.post('/api/payments/sandbox/PY20990101000000012345678/confirm').set(w.member.auth).expect(404);
    expect(confirm.body.error.details.code).toBe('NOT_FOUND');
    await app.http.post('/api/payments/notify/sandbox').set('Content-Type', 'application/json').send('{}').expect(404);
  });
});

describe('channel set-up at boot', () => {
  const channels = () => app.strapi.plugin('payments').service('channels');
  afterEach(() => channels().init(process.env));

  it('warns in the boot log while the sandbox is on', () => {
    const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(() => app.strapi.log);
    try {
      channels().init({ ...process.env, PAYMENTS_SANDBOX: 'true' });
      expect(channels().available()).toContain('sandbox');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('PAYMENTS_SANDBOX=true'));
    } finally {
      warn.mockRestore();
    }
  });

  it('stops the boot with a clear message when PAYMENTS_SANDBOX=true meets NODE_ENV=production', () => {
    expect(() => channels().init({ ...process.env, PAYMENTS_SANDBOX: 'true', NODE_ENV: 'production' })).toThrow(
      /PAYMENTS_SANDBOX=true is refused with NODE_ENV=production/,
    );
  });
});
