import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, placeOrder, type OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const uploaded: number[] = [];
async function uploadTicketImage(user: { auth: { Authorization: string } }): Promise<number> {
  const res = await app.http.post('/api/me/uploads').set(user.auth).field('purpose', 'ticket').attach('files', PNG, { filename: 'a.png', contentType: 'image/png' }).expect(201);
  uploaded.push(...res.body.data.map((f: { id: number }) => f.id));
  return res.body.data[0].id;
}

const submit = (user: { auth: { Authorization: string } }, body: Record<string, unknown>) => app.http.post('/api/tickets').set(user.auth).send(body);

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  for (const id of uploaded) {
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (file) await app.strapi.plugin('upload').service('upload').remove(file);
  }
  await app?.close();
});

describe('a member submitting complaints and suggestions', () => {
  it('should file a complaint about their own order with an image (201, 待处理, the order city kept for 城市运营)', async () => {
    const order = await placeOrder(app.http, w, 3, 9);
    const image = await uploadTicketImage(w.member);
    const res = await submit(w.member, { type: 'complaint', order: order.documentId, content: '师傅迟到了一个小时', images: [image] }).expect(201);
    expect(res.body.data).toMatchObject({ type: 'complaint', typeLabel: '投诉', status: 'submitted', statusLabel: '待处理', order: order.documentId, orderNo: order.orderNo, content: '师傅迟到了一个小时', replies: [] });
    expect(res.body.data.images).toHaveLength(1);
    const row = await app.strapi.db.query('api::feedback.ticket').findOne({ where: { documentId: res.body.data.documentId } });
    expect(row).toMatchObject({ memberId: w.member.id, cityAdcode: '310100', ticketStatus: 'submitted', escalationLevel: 0 });
  });

  it("should answer 404 for someone else's order and for an unknown one", async () => {
    const order = await placeOrder(app.http, w, 4, 9);
    const res = await submit(w.other, { type: 'complaint', order: order.documentId, content: '这不是我的订单' }).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    await submit(w.member, { type: 'complaint', order: 'no-such-order', content: '不存在的订单' }).expect(404);
  });

  it('should refuse a bad type, blank or too long content, and images the member did not upload (400/403)', async () => {
    expect((await submit(w.member, { type: 'praise', content: '表扬一下师傅' }).expect(400)).body.error.details.code).toBe('VALIDATION_FAILED');
    await submit(w.member, { type: 'suggestion', content: '    ' }).expect(400);
    await submit(w.member, { type: 'suggestion', content: '长'.repeat(1001) }).expect(400);
    await submit(w.member, { type: 'suggestion', content: '希望增加夜间服务', extra: 1 }).expect(400);
    const othersImage = await uploadTicketImage(w.other);
    const res = await submit(w.member, { type: 'suggestion', content: '希望增加夜间服务', images: [othersImage] }).expect(403);
    expect(res.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'images' });
    expect(await app.strapi.db.query('api::feedback.ticket').count({ where: { memberId: w.member.id, type: 'suggestion' } })).toBe(0);
  });

  it('should list only their own tickets, newest first, paginated; GET /:id of another member is 404', async () => {
    const a = (await submit(w.other, { type: 'suggestion', content: '希望支持周末预约' }).expect(201)).body.data;
    const b = (await submit(w.other, { type: 'complaint', content: '客服电话打不通' }).expect(201)).body.data;
    const list = await app.http.get('/api/tickets?pagination[page]=1&pagination[pageSize]=1').set(w.other.auth).expect(200);
    expect(list.body.data.map((t: any) => t.documentId)).toEqual([b.documentId]);
    expect(list.body.meta.pagination).toMatchObject({ page: 1, pageSize: 1, total: 2, pageCount: 2 });
    const second = await app.http.get('/api/tickets?pagination[page]=2&pagination[pageSize]=1').set(w.other.auth).expect(200);
    expect(second.body.data.map((t: any) => t.documentId)).toEqual([a.documentId]);
    const mine = await app.http.get('/api/tickets').set(w.member.auth).expect(200);
    expect(mine.body.data.map((t: any) => t.documentId)).not.toContain(a.documentId);
    expect((await app.http.get(`/api/tickets/${a.documentId}`).set(w.other.auth).expect(200)).body.data.documentId).toBe(a.documentId);
    await app.http.get(`/api/tickets/${a.documentId}`).set(w.member.auth).expect(404);
    await app.http.get('/api/tickets').expect(401);
  });
});
