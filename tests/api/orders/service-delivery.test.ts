import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';
import { createItem } from '../../helpers/fixtures';

let app: TestApp;
let w: OrderWorld;
let packaged: string;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
  const category = await app.strapi.db.query('api::catalog.service-category').findOne({ where: { slug: 'home-cleaning' } });
  const skill = await app.strapi.db.query('api::catalog.skill').findOne({ where: { slug: 'housekeeping' } });
  packaged = (
    await createItem(app.strapi, category.documentId, 'package-cleaning', '套餐保洁', {
      unit: 'hour', price: 5000, minQuantity: 2, durationMinutes: 120, skills: [skill.documentId],
      packages: [{ code: 'hours-6', name: '6小时卡', quantity: 6, price: 27000 }],
    })
  ).documentId;
});
afterAll(async () => {
  await app?.close();
});

const ORDER_UID = 'plugin::orders.order';
const create = (body: Record<string, unknown>, auth = w.member.auth) =>
  app.http.post('/api/orders').set(auth).send({ serviceItem: w.hourly, address: w.address, paymentMode: 'full', ...body });

describe('duration follows the item, quantity and package', () => {
  it('refuses a 15-minute override of a 3-hour booking, at creation and on modification', async () => {
    const res = await create({ quantity: 3, scheduledAt: localAt(3, 9), durationMinutes: 15 }).expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'durationMinutes', expected: 180 });
    // 1,440 minutes (past closing) and 62 days are refused the same way.
    for (const durationMinutes of [1440, 60 * 24 * 62]) await create({ quantity: 3, scheduledAt: localAt(3, 9), durationMinutes }).expect(400);
    expect(await app.strapi.db.query(ORDER_UID).count({ where: { memberId: w.member.id } })).toBe(0);

    const order = (await create({ quantity: 3, scheduledAt: localAt(3, 9) }).expect(201)).body.data;
    expect(order.durationMinutes).toBe(180);
    const modify = await app.http.patch(`/api/orders/${order.documentId}`).set(w.member.auth).send({ durationMinutes: 15 }).expect(400);
    expect(modify.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'durationMinutes' });
    const row = await app.strapi.db.query(ORDER_UID).findOne({ where: { documentId: order.documentId } });
    expect(row.durationMinutes).toBe(180);
  });

  it('accepts the duration the booking implies (a client echoing it back)', async () => {
    const res = await create({ quantity: 4, scheduledAt: localAt(3, 14), durationMinutes: 240 }).expect(201);
    expect(res.body.data.durationMinutes).toBe(240);
  });

  it('books a package without quantity for the package’s hours, not the catalog default', async () => {
    const res = await create({ serviceItem: packaged, packageCode: 'hours-6', scheduledAt: localAt(4, 9) }).expect(201);
    expect(res.body.data).toMatchObject({ quantity: 6, durationMinutes: 360, amounts: { total: 27000 } });
    // Switching the order to a plain 2-hour line shortens it accordingly.
    const plain = await app.http.patch(`/api/orders/${res.body.data.documentId}`).set(w.member.auth).send({ packageCode: null, quantity: 2 }).expect(200);
    expect(plain.body.data).toMatchObject({ quantity: 2, durationMinutes: 120, amounts: { total: 10000 } });
  });
});
