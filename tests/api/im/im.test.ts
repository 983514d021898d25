import type { Socket } from 'socket.io-client';
import { socketClients } from '../../helpers/sockets';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, localAt, pay, type OrderWorld } from '../../helpers/orders';
import { eventually } from '../../helpers/dispatch';

let app: TestApp;
let w: OrderWorld;
const sockets = socketClients(() => app.url!);

beforeAll(async () => {
  app = await bootStrapi({ listen: true });
  w = await buildOrderWorld(app.strapi, app.http);
});
afterAll(async () => {
  sockets.closeAll();
  await app?.close();
});

const emit = (socket: Socket, event: string, payload: unknown): Promise<any> => new Promise((resolve) => socket.emit(event, payload, resolve));

let day = 3;
async function paidOrder(): Promise<string> {
  const res = await app.http
    .post('/api/orders')
    .set(w.member.auth)
    .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(day++, 9), paymentMode: 'full' })
    .expect(201);
  await pay(app.strapi, res.body.data.documentId, 'full', res.body.data.amounts.total);
  return res.body.data.documentId;
}

describe('order chat', () => {
  it('opens once a worker is on the order, idempotently, and refuses strangers', async () => {
    const order = await paidOrder();
    await app.http.post('/api/conversations').set(w.member.auth).send({ order }).expect(404);
    await app.http.post(`/api/orders/${order}/accept`).set(w.workers[0].auth).expect(200);
    const first = await app.http.post('/api/conversations').set(w.member.auth).send({ order }).expect(201);
    const again = await app.http.post('/api/conversations').set(w.workers[0].auth).send({ order }).expect(200);
    expect(again.body.data.documentId).toBe(first.body.data.documentId);
    expect(first.body.data).toMatchObject({ kind: 'order', order, unread: 0, lastMessage: null });
    await app.http.post('/api/conversations').set(w.other.auth).send({ order }).expect(404);
    await app.http.get(`/api/conversations/${first.body.data.documentId}/messages`).set(w.other.auth).expect(404);
  });

  it('sends over the socket, dedupes on clientMsgId, masks phones, counts unread and moves read markers', async () => {
    const order = await paidOrder();
    await app.http.post(`/api/orders/${order}/accept`).set(w.workers[0].auth).expect(200);
    const conversation = (await app.http.post('/api/conversations').set(w.member.auth).send({ order }).expect(201)).body.data.documentId;
    const member = await sockets.open(w.member.jwt);
    const worker = await sockets.open(w.workers[0].jwt);
    const stranger = await sockets.open(w.other.jwt);
    const received: any[] = [];
    worker.on('chat:message', (m) => received.push(m));

    const ack = await emit(member, 'chat:send', { conversation, type: 'text', content: { text: '我的电话 13812345678' }, clientMsgId: 'm-1' });
    expect(ack.ok).toBe(true);
    expect(ack.data.content.text).toBe('我的电话 138******78');
    expect(ack.data.sender).toEqual({ role: 'member', id: w.member.id });
    const [dup1, dup2] = await Promise.all([
      emit(member, 'chat:send', { conversation, type: 'text', content: 'again', clientMsgId: 'm-1' }),
      emit(member, 'chat:send', { conversation, type: 'text', content: 'again', clientMsgId: 'm-1' }),
    ]);
    expect(dup1.data.documentId).toBe(ack.data.documentId);
    expect(dup2.data.documentId).toBe(ack.data.documentId);
    await eventually(async () => received.length >= 1);
    expect(received[0].documentId).toBe(ack.data.documentId);

    const refused = await emit(stranger, 'chat:send', { conversation, type: 'text', content: 'hi', clientMsgId: 's-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await emit(member, 'chat:send', { conversation, type: 'text', content: '', clientMsgId: 'm-x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    for (let i = 2; i <= 5; i++) expect((await emit(member, 'chat:send', { conversation, type: 'text', content: `第${i}条`, clientMsgId: `m-${i}` })).ok).toBe(true);
    const list = (await app.http.get('/api/conversations').set(w.workers[0].auth).expect(200)).body.data;
    const mine = list.find((c: any) => c.documentId === conversation);
    expect(mine.unread).toBe(5);
    expect(mine.lastMessage.content.text).toBe('第5条');

    const page1 = (await app.http.get(`/api/conversations/${conversation}/messages?limit=2`).set(w.workers[0].auth).expect(200)).body;
    expect(page1.data.map((m: any) => m.content.text)).toEqual(['第5条', '第4条']);
    expect(page1.meta.hasMore).toBe(true);
    const page3 = (await app.http.get(`/api/conversations/${conversation}/messages?limit=2&before=${page1.data[1].documentId}`).set(w.workers[0].auth).expect(200)).body;
    expect(page3.data.map((m: any) => m.content.text)).toEqual(['第3条', '第2条']);

    const reads: any[] = [];
    member.on('chat:read', (e) => reads.push(e));
    const read = await emit(worker, 'chat:read', { conversation, upTo: page1.data[1].documentId });
    expect(read).toMatchObject({ ok: true, data: { unread: 1 } });
    // Backwards does not un-read.
    const back = await emit(worker, 'chat:read', { conversation, upTo: ack.data.documentId });
    expect(back.data).toMatchObject({ upTo: page1.data[1].documentId, unread: 1 });
    await eventually(async () => reads.length >= 1);
    expect(reads[0]).toMatchObject({ conversation, reader: { role: 'worker' }, upTo: page1.data[1].documentId });

    // Each seat reads its own marker in the list: the worker read up to 第4条, the member wrote them all.
    const workerView = (await app.http.get('/api/conversations').set(w.workers[0].auth).expect(200)).body.data.find((c: any) => c.documentId === conversation);
    expect(workerView).toMatchObject({ unread: 1, readUpTo: page1.data[1].documentId });
    const memberView = (await app.http.get('/api/conversations').set(w.member.auth).expect(200)).body.data.find((c: any) => c.documentId === conversation);
    // A sender has read what they sent.
    expect(memberView).toMatchObject({ unread: 0, readUpTo: page1.data[0].documentId });
  });

  it('lists conversations with the same number of queries however many there are', async () => {
    const queriesOfList = async (): Promise<{ queries: number; size: number }> => {
      let queries = 0;
      // Only the tables a conversation list reads: settings and session caches refresh on their own clock.
      const count = (q: { sql?: string }) => {
        if (/im_conversations|im_messages|\borders\b/.test(q.sql ?? '')) queries++;
      };
      app.strapi.db.connection.on('query', count);
      try {
        const res = await app.http.get('/api/conversations').set(w.member.auth).expect(200);
        return { queries, size: res.body.data.length };
      } finally {
        app.strapi.db.connection.off('query', count);
      }
    };
    const worker = await sockets.open(w.workers[0].jwt);
    const chat = async (text: string) => {
      const order = await paidOrder();
      await app.http.post(`/api/orders/${order}/accept`).set(w.workers[0].auth).expect(200);
      const conversation = (await app.http.post('/api/conversations').set(w.member.auth).send({ order }).expect(201)).body.data.documentId;
      expect((await emit(worker, 'chat:send', { conversation, type: 'text', content: text, clientMsgId: text })).ok).toBe(true);
    };
    await chat('n1-a');
    const before = await queriesOfList();
    await chat('n1-b');
    await chat('n1-c');
    await chat('n1-d');
    const after = await queriesOfList();
    expect(after.size).toBe(before.size + 3);
    expect(after.queries).toBe(before.queries);
  });
});

describe('support chat', () => {
  it('member ↔ 客服 over the admin routes', async () => {
    const { createAdminSession } = require('../../helpers/fixtures');
    const kefu = (await createAdminSession(app.strapi, app.http, 'kefu-im@test.shangmen', '客服')).auth;
    const opened = await app.http.post('/api/conversations').set(w.member.auth).send({ support: true }).expect(201);
    await app.http.post('/api/conversations').set(w.member.auth).send({ support: true }).expect(200);
    const conversation = opened.body.data.documentId;
    const member = await sockets.open(w.member.jwt);
    const got: any[] = [];
    member.on('chat:message', (m) => got.push(m));
    expect((await emit(member, 'chat:send', { conversation, type: 'text', content: '退款什么时候到账？', clientMsgId: 'q-1' })).ok).toBe(true);
    const queue = (await app.http.get('/im/conversations').set(kefu).expect(200)).body.data;
    expect(queue.find((c: any) => c.documentId === conversation)).toMatchObject({ kind: 'support', unread: 1 });
    const reply = await app.http.post(`/im/conversations/${conversation}/messages`).set(kefu).send({ type: 'text', content: '1-3 个工作日', clientMsgId: 'r-1' }).expect(201);
    expect(reply.body.data.sender).toEqual({ role: 'support', id: null });
    await eventually(async () => got.some((m) => m.documentId === reply.body.data.documentId));
    await app.http.get(`/im/conversations/${conversation}/messages`).expect(401);
  });
});
