import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildOrderWorld, placeOrder, type OrderWorld } from '../../helpers/orders';
import { dispatchAdmins, eventually } from '../../helpers/dispatch';
import { socketClients } from '../../helpers/sockets';

let app: TestApp;
let w: OrderWorld;
let admins: Awaited<ReturnType<typeof dispatchAdmins>>;
const sockets = socketClients(() => app.url!);

const TICKET = 'api::feedback.ticket';
const NOTICE = 'api::notify.notification';
type Auth = Record<string, string>;

const submit = async (auth: Auth, body: Record<string, unknown>) => (await app.http.post('/api/tickets').set(auth).send(body).expect(201)).body.data;
const rowOf = (documentId: string) => app.strapi.db.query(TICKET).findOne({ where: { documentId } });
const noticesOf = (ticket: string) => app.strapi.db.query(NOTICE).findMany({ where: { userRef: w.member.id, code: 'ticket_replied' } }).then((rows: any[]) => rows.filter((r) => r.data?.ticket === ticket));
const sla = () => app.strapi.service('api::feedback.ticket-sla') as any;
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const uploaded: number[] = [];
async function uploadTicketImage(user: { auth: Auth }): Promise<number> {
  const res = await app.http.post('/api/me/uploads').set(user.auth).field('purpose', 'ticket').attach('files', PNG, { filename: 'a.png', contentType: 'image/png' }).expect(201);
  uploaded.push(...res.body.data.map((f: { id: number }) => f.id));
  return res.body.data[0].id;
}
const settle = () => new Promise((r) => setTimeout(r, 300));

/** A ticket of the member in 杭州 (about no order: the city comes from the member, set here). */
async function hangzhouTicket(content = '杭州的服务质量需要提升') {
  const t = await submit(w.member.auth, { type: 'suggestion', content });
  await app.strapi.db.query(TICKET).updateMany({ where: { documentId: t.documentId }, data: { cityAdcode: '330100' } });
  return t;
}

beforeAll(async () => {
  app = await bootStrapi({ listen: true });
  w = await buildOrderWorld(app.strapi, app.http);
  admins = await dispatchAdmins(app.strapi, app.http);
  await app.strapi.db.query('api::settings.message-template').create({ data: { code: 'ticket_replied', channel: 'in_app', name: '投诉建议有新回复', content: '客服回复了您的{typeLabel}：{excerpt}', active: true } });
});
afterAll(async () => {
  sockets.closeAll();
  for (const id of uploaded) {
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    if (file) await app.strapi.plugin('upload').service('upload').remove(file);
  }
  await app?.close();
});

describe('a member following up and closing their ticket', () => {
  it('should add a follow-up (status by the machine), refuse blank or unknown input, and 404 for another member', async () => {
    const t = await submit(w.member.auth, { type: 'complaint', content: '师傅没有带工具' });
    const res = await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send({ content: '  补充：迟到了半小时  ' }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'submitted', statusLabel: '待处理' });
    expect(res.body.data.replies).toEqual([expect.objectContaining({ author: 'member', authorName: '我', content: '补充：迟到了半小时', images: [] })]);
    for (const body of [{ content: '   ' }, {}, { content: '好的', extra: 1 }, { content: 'x'.repeat(1001) }]) {
      const bad = await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send(body).expect(400);
      expect(bad.body.error.details.code).toBe('VALIDATION_FAILED');
    }
    await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.other.auth).send({ content: '不是我的' }).expect(404);
    await app.http.post(`/api/tickets/${t.documentId}/close`).set(w.other.auth).expect(404);
    await app.http.post(`/api/tickets/${t.documentId}/replies`).send({ content: '未登录' }).expect(401);
    expect((await app.http.get(`/api/tickets/${t.documentId}`).set(w.member.auth).expect(200)).body.data.replies).toHaveLength(1);
  });

  it('should close their own ticket once (closedBy 会员); a closed ticket takes no follow-up (409)', async () => {
    const t = await submit(w.member.auth, { type: 'suggestion', content: '希望增加夜间服务' });
    const res = await app.http.post(`/api/tickets/${t.documentId}/close`).set(w.member.auth).expect(200);
    expect(res.body.data).toMatchObject({ status: 'closed', statusLabel: '已关闭' });
    expect(res.body.data.closedAt).toEqual(expect.any(String));
    expect(await rowOf(t.documentId)).toMatchObject({ ticketStatus: 'closed', closedBy: '会员' });
    const again = await app.http.post(`/api/tickets/${t.documentId}/close`).set(w.member.auth).expect(409);
    expect(again.body.error.details.code).toBe('INVALID_TRANSITION');
    const reply = await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send({ content: '再补充一点' }).expect(409);
    expect(reply.body.error.details.code).toBe('INVALID_TRANSITION');
    await app.http.post(`/api/tickets/${t.documentId}/close`).set(w.member.auth).send({ reason: 'x' }).expect(400);
  });

  it('should attach the member\'s own images to a follow-up and refuse someone else\'s (403)', async () => {
    const t = await submit(w.member.auth, { type: 'complaint', content: '补充现场照片' });
    const image = await uploadTicketImage(w.member);
    const res = await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send({ content: '见照片', images: [image] }).expect(200);
    expect(res.body.data.replies[0].images).toHaveLength(1);
    const admin = (await app.http.get(`/feedback/tickets/${t.documentId}`).set(admins.kefu).expect(200)).body.data;
    expect(admin.replies[0]).toMatchObject({ author: 'member', content: '见照片', images: [expect.any(String)] });
    const othersImage = await uploadTicketImage(w.other);
    const bad = await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send({ content: '别人的图', images: [othersImage] }).expect(403);
    expect(bad.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'images' });
    expect((await app.http.get(`/api/tickets/${t.documentId}`).set(w.member.auth).expect(200)).body.data.replies).toHaveLength(1);
  });

  it('should keep both of two follow-ups sent at once', async () => {
    const t = await submit(w.member.auth, { type: 'complaint', content: '同时追问两条' });
    await Promise.all(['第一条追问', '第二条追问'].map((content) => app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send({ content }).expect(200)));
    const view = (await app.http.get(`/api/tickets/${t.documentId}`).set(w.member.auth).expect(200)).body.data;
    expect(view.replies.map((r: any) => r.content).sort()).toEqual(['第一条追问', '第二条追问']);
  });
});

describe('客服 handling a ticket', () => {
  it('should assign, reply (member notified once, first response stamped), take a follow-up and close with a resolution', async () => {
    const order = await placeOrder(app.http, w, 5, 9);
    const t = await submit(w.member.auth, { type: 'complaint', order: order.documentId, content: '师傅打扫不干净' });

    const list = await app.http.get('/feedback/tickets?status=submitted&type=complaint').set(admins.kefu).expect(200);
    const listed = list.body.data.find((x: any) => x.documentId === t.documentId);
    expect(listed).toMatchObject({
      type: 'complaint', typeLabel: '投诉', status: 'submitted', statusLabel: '待处理', cityAdcode: '310100', cityName: '上海',
      member: { id: w.member.id, phone: '138****0000' }, order: order.documentId, orderNo: order.orderNo, content: '师傅打扫不干净',
      assignee: null, firstRespondedAt: null, escalationLevel: 0, escalationLabel: null, closedAt: null,
    });
    expect(Date.parse(listed.firstResponseDue) - Date.parse(listed.createdAt)).toBe(120 * 60_000);
    expect(Date.parse(listed.resolutionDue) - Date.parse(listed.createdAt)).toBe(48 * 3_600_000);
    expect(list.body.meta.pagination).toMatchObject({ page: 1, pageSize: 20 });

    const assigned = await app.http.post(`/feedback/tickets/${t.documentId}/assign`).set(admins.kefu).send({}).expect(200);
    expect(assigned.body.data).toMatchObject({ status: 'processing', statusLabel: '处理中', assignee: { id: expect.any(Number), name: '测试' } });
    const mine = await app.http.get('/feedback/tickets?assignee=me').set(admins.kefu).expect(200);
    expect(mine.body.data.map((x: any) => x.documentId)).toContain(t.documentId);
    const byId = await app.http.get(`/feedback/tickets?assignee=${assigned.body.data.assignee.id}&q=${order.orderNo}`).set(admins.kefu).expect(200);
    expect(byId.body.data.map((x: any) => x.documentId)).toEqual([t.documentId]);

    const replied = await app.http.post(`/feedback/tickets/${t.documentId}/reply`).set(admins.kefu).send({ content: '非常抱歉，已安排师傅返工' }).expect(200);
    expect(replied.body.data).toMatchObject({ status: 'replied', statusLabel: '已回复' });
    const firstAt = replied.body.data.firstRespondedAt;
    expect(firstAt).toEqual(expect.any(String));
    expect(replied.body.data.replies).toEqual([expect.objectContaining({ author: 'staff', authorName: '测试', adminId: assigned.body.data.assignee.id, content: '非常抱歉，已安排师傅返工' })]);
    const [note] = await eventually(async () => ((await noticesOf(t.documentId)).length ? noticesOf(t.documentId) : null));
    expect(note).toMatchObject({ title: '投诉建议有新回复', body: '客服回复了您的投诉：非常抱歉，已安排师傅返工' });
    await settle();
    expect(await noticesOf(t.documentId)).toHaveLength(1);

    const member = (await app.http.get(`/api/tickets/${t.documentId}`).set(w.member.auth).expect(200)).body.data;
    expect(member.replies).toEqual([expect.objectContaining({ author: 'staff', authorName: '客服' })]);
    const followUp = await app.http.post(`/api/tickets/${t.documentId}/replies`).set(w.member.auth).send({ content: '什么时候来？' }).expect(200);
    expect(followUp.body.data.status).toBe('processing');

    const second = await app.http.post(`/feedback/tickets/${t.documentId}/reply`).set(admins.opsSh).send({ content: '明天上午十点' }).expect(200);
    expect(second.body.data.firstRespondedAt).toBe(firstAt);
    await eventually(async () => (await noticesOf(t.documentId)).length === 2);

    const closed = await app.http.post(`/feedback/tickets/${t.documentId}/close`).set(admins.kefu).send({ resolution: '已返工，会员满意' }).expect(200);
    expect(closed.body.data).toMatchObject({ status: 'closed', resolution: '已返工，会员满意', closedBy: '测试' });
    expect(closed.body.data.replies.map((r: any) => [r.author, r.authorName])).toEqual([['staff', '测试'], ['member', '会员'], ['staff', '测试']]);
    expect((await app.http.get(`/api/tickets/${t.documentId}`).set(w.member.auth).expect(200)).body.data).toMatchObject({ status: 'closed', resolution: '已返工，会员满意' });
    for (const [path, body] of [['close', {}], ['reply', { content: '再说一句' }], ['assign', {}]] as const) {
      const res = await app.http.post(`/feedback/tickets/${t.documentId}/${path}`).set(admins.kefu).send(body).expect(409);
      expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
    }
    await settle();
    expect(await noticesOf(t.documentId)).toHaveLength(2);
  });

  it('should store and announce a reply once when a deadlock retry replays its transaction', async () => {
    const t = await submit(w.member.auth, { type: 'complaint', content: '重试时只通知一次' });
    let failures = 0;
    // The first attempt writes the reply row, then the database reports a deadlock: the unit is rolled back and run again.
    const unsubscribe = app.strapi.db.lifecycles.subscribe({
      models: ['api::feedback.ticket-reply'],
      afterCreate() {
        if (failures++ === 0) throw Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });
      },
    } as any) as unknown as () => void;
    try {
      await app.http.post(`/feedback/tickets/${t.documentId}/reply`).set(admins.kefu).send({ content: '您好，已经在处理' }).expect(200);
    } finally {
      unsubscribe();
    }
    expect(failures).toBe(2);
    const id = (await rowOf(t.documentId)).id;
    expect(await app.strapi.db.query('api::feedback.ticket-reply').count({ where: { ticketId: id } })).toBe(1);
    await eventually(async () => (await noticesOf(t.documentId)).length > 0);
    await settle();
    expect(await noticesOf(t.documentId)).toHaveLength(1);
  });

  it('should only hand a ticket to an active admin who may handle it in its city', async () => {
    const t = await submit(w.member.auth, { type: 'complaint', order: (await placeOrder(app.http, w, 8, 9)).documentId, content: '指派给同事' });
    const idOf = async (email: string) => (await app.strapi.db.query('admin::user').findOne({ where: { email } })).id;
    for (const email of ['caiwu@test.shangmen', 'ops-hz@test.shangmen']) {
      const res = await app.http.post(`/feedback/tickets/${t.documentId}/assign`).set(admins.kefu).send({ assignee: await idOf(email) }).expect(400);
      expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'assignee' });
    }
    const opsSh = await idOf('ops-sh@test.shangmen');
    const res = await app.http.post(`/feedback/tickets/${t.documentId}/assign`).set(admins.kefu).send({ assignee: opsSh }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'processing', assignee: { id: opsSh, name: '测试' } });
    const theirs = await app.http.get('/feedback/tickets?assignee=me').set(admins.opsSh).expect(200);
    expect(theirs.body.data.map((x: any) => x.documentId)).toContain(t.documentId);
  });

  it('should refuse bad input with 400 VALIDATION_FAILED', async () => {
    const t = await submit(w.member.auth, { type: 'suggestion', content: '校验输入的工单' });
    const cases: Array<[string, string, Record<string, unknown> | undefined]> = [
      ['get', '/feedback/tickets?status=bogus', undefined],
      ['get', '/feedback/tickets?escalated=yes', undefined],
      ['get', '/feedback/tickets?assignee=someone', undefined],
      ['get', '/feedback/tickets?pageSize=500', undefined],
      ['get', '/feedback/tickets?sort=id', undefined],
      ['post', `/feedback/tickets/${t.documentId}/assign`, { assignee: 987654 }],
      ['post', `/feedback/tickets/${t.documentId}/assign`, { assignee: 'me' }],
      ['post', `/feedback/tickets/${t.documentId}/reply`, {}],
      ['post', `/feedback/tickets/${t.documentId}/reply`, { content: '好', status: 'closed' }],
      ['post', `/feedback/tickets/${t.documentId}/close`, { resolution: 'x'.repeat(1001) }],
    ];
    for (const [method, url, body] of cases) {
      const req = method === 'get' ? app.http.get(url) : app.http.post(url).send(body);
      const res = await req.set(admins.kefu).expect(400);
      expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
    }
    expect(await rowOf(t.documentId)).toMatchObject({ ticketStatus: 'submitted', assigneeId: null });
  });

  it('should scope a 城市运营 to their cities (404 outside) and refuse admins without the actions (403)', async () => {
    const hz = await hangzhouTicket();
    const sh = await submit(w.member.auth, { type: 'complaint', order: (await placeOrder(app.http, w, 6, 9)).documentId, content: '上海的工单' });
    const shList = await app.http.get('/feedback/tickets?pageSize=100').set(admins.opsSh).expect(200);
    expect(shList.body.data.map((x: any) => x.documentId)).toContain(sh.documentId);
    expect(shList.body.data.map((x: any) => x.documentId)).not.toContain(hz.documentId);
    expect(shList.body.data.every((x: any) => x.cityAdcode === '310100')).toBe(true);
    for (const [path, body] of [['assign', {}], ['reply', { content: '越权回复' }], ['close', {}]] as const) {
      const res = await app.http.post(`/feedback/tickets/${hz.documentId}/${path}`).set(admins.opsSh).send(body).expect(404);
      expect(res.body.error.details.code).toBe('NOT_FOUND');
    }
    await app.http.get(`/feedback/tickets/${hz.documentId}`).set(admins.opsSh).expect(404);
    expect(await rowOf(hz.documentId)).toMatchObject({ ticketStatus: 'submitted' });

    const hzView = await app.http.get(`/feedback/tickets/${hz.documentId}`).set(admins.opsHz).expect(200);
    expect(hzView.body.data).toMatchObject({ cityAdcode: '330100', cityName: '杭州', replies: [], escalations: [] });
    await app.http.post(`/feedback/tickets/${hz.documentId}/assign`).set(admins.opsHz).send({}).expect(200);
    expect((await app.http.get(`/feedback/tickets/${hz.documentId}`).set(admins.kefu).expect(200)).body.data.status).toBe('processing');

    await app.http.get('/feedback/tickets').set(admins.caiwu).expect(403);
    await app.http.get(`/feedback/tickets/${sh.documentId}`).set(admins.caiwu).expect(403);
    await app.http.post(`/feedback/tickets/${sh.documentId}/reply`).set(admins.caiwu).send({ content: '财务回复' }).expect(403);
    await app.http.get('/feedback/tickets').set(w.member.auth).expect(401);
    await app.http.get('/feedback/tickets/no-such-ticket').set(admins.kefu).expect(404);
  });
});

describe('SLA sweep', () => {
  it('should escalate an unanswered ticket once per level, even when the sweep runs twice, and tell the city ops', async () => {
    const opsSh = await sockets.open(admins.opsSh.Authorization.slice('Bearer '.length));
    const opsHz = await sockets.open(admins.opsHz.Authorization.slice('Bearer '.length));
    const shSaw: any[] = [];
    const hzSaw: any[] = [];
    opsSh.on('ticket:escalated', (e: any) => shSaw.push(e));
    opsHz.on('ticket:escalated', (e: any) => hzSaw.push(e));
    const t = await submit(w.member.auth, { type: 'complaint', order: (await placeOrder(app.http, w, 7, 9)).documentId, content: '一直没人处理' });

    expect((await sla().sweep(minutesAfter(t.createdAt, 119))).filter((e: any) => e.ticket === t.documentId)).toEqual([]);
    const late = minutesAfter(t.createdAt, 121);
    const [first, second] = await Promise.all([sla().sweep(late), sla().sweep(late)]);
    const raised = [...first, ...second].filter((e: any) => e.ticket === t.documentId);
    expect(raised).toEqual([{ ticket: t.documentId, level: 1, label: '首次响应超时', cityAdcode: '310100', type: 'complaint' }]);
    expect((await sla().sweep(late)).filter((e: any) => e.ticket === t.documentId)).toEqual([]);
    expect(await rowOf(t.documentId)).toMatchObject({ escalationLevel: 1 });

    const list = await app.http.get('/feedback/tickets?escalated=true').set(admins.kefu).expect(200);
    expect(list.body.data.find((x: any) => x.documentId === t.documentId)).toMatchObject({ escalationLevel: 1, escalationLabel: '首次响应超时' });
    const notEscalated = await app.http.get('/feedback/tickets?escalated=false&pageSize=100').set(admins.kefu).expect(200);
    expect(notEscalated.body.data.map((x: any) => x.documentId)).not.toContain(t.documentId);

    await sla().sweep(minutesAfter(t.createdAt, 48 * 60 + 1));
    await sla().sweep(minutesAfter(t.createdAt, 48 * 60 + 6));
    const view = (await app.http.get(`/feedback/tickets/${t.documentId}`).set(admins.opsSh).expect(200)).body.data;
    expect(view).toMatchObject({ escalationLevel: 2, escalationLabel: '处理超时' });
    expect(view.escalations.map((e: any) => [e.level, e.label])).toEqual([[1, '首次响应超时'], [2, '处理超时']]);
    expect(await app.strapi.db.query('api::feedback.ticket-escalation').count({ where: { ticketId: (await rowOf(t.documentId)).id } })).toBe(2);

    await eventually(async () => shSaw.filter((e) => e.ticket === t.documentId).length === 2);
    await settle();
    expect(shSaw.filter((e) => e.ticket === t.documentId).map((e) => e.level)).toEqual([1, 2]);
    expect(hzSaw.filter((e) => e.ticket === t.documentId)).toEqual([]);
  });

  it('should not raise level 1 for a ticket answered in time, and never escalate a closed one', async () => {
    const answered = await submit(w.member.auth, { type: 'complaint', content: '及时回复的工单' });
    await app.http.post(`/feedback/tickets/${answered.documentId}/reply`).set(admins.kefu).send({ content: '已收到，马上处理' }).expect(200);
    const closed = await submit(w.member.auth, { type: 'suggestion', content: '已关闭的工单' });
    await app.http.post(`/api/tickets/${closed.documentId}/close`).set(w.member.auth).expect(200);

    const ours = (events: any[]) => events.filter((e) => e.ticket === answered.documentId || e.ticket === closed.documentId);
    expect(ours(await sla().sweep(minutesAfter(answered.createdAt, 121)))).toEqual([]);
    expect(ours(await sla().sweep(minutesAfter(answered.createdAt, 48 * 60)))).toEqual([expect.objectContaining({ ticket: answered.documentId, level: 2 })]);
    expect(await rowOf(closed.documentId)).toMatchObject({ escalationLevel: 0 });
  });
});
