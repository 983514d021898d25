import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, dispatchAdmins, eventually, localAt, paidOrder, saveDispatchSettings } from '../../helpers/dispatch';
import { createCity, createMember, type TestUser } from '../../helpers/fixtures';
import type { OrderWorld } from '../../helpers/orders';
import { idCheckCharacter, makeIdNumber } from '../../../src/runtime/id-number';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const WORKER = 'api::people.worker';

let app: TestApp;
let w: OrderWorld;
let admins: Awaited<ReturnType<typeof dispatchAdmins>>;
let skill: string;
let phoneSeq = 0;

const newApplicant = () => createMember(app.strapi, { phone: `1370000${String(++phoneSeq).padStart(4, '0')}` });

async function upload(user: TestUser, purpose: string): Promise<number> {
  const res = await app.http.post('/api/me/uploads').set(user.auth).field('purpose', purpose).attach('files', PNG, 'scan.png').expect(201);
  return res.body.data[0].id;
}

const application = (overrides: Record<string, unknown> = {}) => ({
  realName: '陈美玲',
  idNumber: makeIdNumber('310104', '1985-04-12', 3, 'female'),
  gender: 'female',
  city: '310100',
  skills: [{ skill, level: 3 }],
  experienceYears: 6,
  workHistory: [{ employer: '好帮手家政', role: '保洁员', from: '2019-03-01', to: '2024-06-30' }],
  ...overrides,
});

const apply = (user: TestUser, body: Record<string, unknown>) => app.http.post('/api/workers/apply').set(user.auth).send(body);
const audit = (auth: Record<string, string>, documentId: string, body: Record<string, unknown>) =>
  app.http.post(`/workforce/workers/${documentId}/audit`).set(auth).send(body);

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  await saveDispatchSettings(app.strapi, { mode: 'manual' });
  await createCity(app.strapi, '110100', '北京', [39.9042, 116.4074]);
  admins = await dispatchAdmins(app.strapi, app.http);
  skill = (await app.strapi.db.query('api::catalog.skill').findOne({ where: { slug: 'housekeeping' } })).documentId;
  for (const code of ['worker_approved', 'worker_rejected', 'worker_suspended']) {
    await app.strapi.db.query('api::settings.message-template').create({ data: { code, channel: 'in_app', name: code, content: '原因：{reason}', active: true } });
  }
});
afterAll(async () => {
  await app?.close();
});

describe('POST /api/workers/apply', () => {
  it('should refuse an ID number with a wrong check character, naming the field, and write nothing', async () => {
    const applicant = await newApplicant();
    const good = makeIdNumber('310104', '1985-04-12', 3, 'female');
    const wrongCheck = good.slice(0, 17) + (idCheckCharacter(good.slice(0, 17)) === '0' ? '1' : '0');
    const res = await apply(applicant, application({ idNumber: wrongCheck })).expect(400);
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'idNumber' });
    expect(await app.strapi.db.query(WORKER).count({ where: { user: { id: applicant.id } } })).toBe(0);
  });

  it('should refuse an impossible birth date and a gender the ID number contradicts', async () => {
    const applicant = await newApplicant();
    const first17 = '31010419850230003';
    const feb30 = await apply(applicant, application({ idNumber: first17 + idCheckCharacter(first17) })).expect(400);
    expect(feb30.body.error.details.field).toBe('idNumber');
    const male = await apply(applicant, application({ gender: 'male' })).expect(400);
    expect(male.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'gender' });
  });

  it('should refuse unknown fields, an unknown skill and a city that is not served', async () => {
    const applicant = await newApplicant();
    expect((await apply(applicant, application({ auditStatus: 'approved' })).expect(400)).body.error.details.code).toBe('VALIDATION_FAILED');
    expect((await apply(applicant, application({ skills: [{ skill: 'nope' }] })).expect(400)).body.error.details.field).toBe('skills[0].skill');
    expect((await apply(applicant, application({ city: '440300' })).expect(400)).body.error.details.field).toBe('city');
  });

  it("should refuse another member's certificate file (403 FILE_NOT_OWNED)", async () => {
    const applicant = await newApplicant();
    const other = await newApplicant();
    const file = await upload(other, 'certificate');
    const res = await apply(applicant, application({ certificates: [{ type: 'health', file }] })).expect(403);
    expect(res.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'certificates', fileIds: [file] });
    // An ID scan must be uploaded for the application: the applicant's own avatar is refused too.
    const avatar = await upload(applicant, 'avatar');
    const id = await apply(applicant, application({ idCardImages: [avatar] })).expect(403);
    expect(id.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'idCardImages' });
    expect(await app.strapi.db.query(WORKER).count({ where: { user: { id: applicant.id } } })).toBe(0);
  });

  it('creates a pending application, shown by GET /api/me/worker; a second one is 409 CONFLICT', async () => {
    const applicant = await newApplicant();
    const file = await upload(applicant, 'certificate');
    const photo = await upload(applicant, 'avatar');
    const idFront = await upload(applicant, 'application');
    const res = await apply(applicant, application({ certificates: [{ type: 'health', file, expiresAt: '2027-06-30' }], photo, idCardImages: [idFront] })).expect(201);
    expect(res.body.data).toMatchObject({ auditStatus: 'pending', auditReason: null, city: '310100', realName: '陈美玲' });
    const me = await app.http.get('/api/me/worker').set(applicant.auth).expect(200);
    expect(me.body.data).toMatchObject({ documentId: res.body.data.documentId, auditStatus: 'pending', auditReason: null });
    const again = await apply(applicant, application()).expect(409);
    expect(again.body.error.details).toMatchObject({ code: 'CONFLICT', auditStatus: 'pending' });
    expect(await app.strapi.db.query(WORKER).count({ where: { user: { id: applicant.id } } })).toBe(1);
    const users = await app.http.get('/api/users/me').set(applicant.auth).expect(200);
    expect(users.body.isWorker).toBe(false);

    // The auditor sees the scans the applicant attached, under signed URLs.
    const file_ = (await app.http.get(`/workforce/workers/${res.body.data.documentId}`).set(admins.kefu).expect(200)).body.data;
    expect(file_.idCardImages.map((f: any) => f.id)).toEqual([idFront]);
    expect(file_.certificates).toMatchObject([{ type: 'health', typeLabel: '健康证', expiresAt: '2027-06-30', file: { id: file } }]);
    expect(file_.certificates[0].file.url).toMatch(/sig=/);
  });

  it('a pending applicant cannot accept an order (403)', async () => {
    const applicant = await newApplicant();
    await apply(applicant, application({ idNumber: makeIdNumber('310104', '1988-01-20', 5, 'female') })).expect(201);
    const order = await paidOrder(app.strapi, app.http, w, localAt(4, 10));
    const res = await app.http.post(`/api/orders/${order.documentId}/accept`).set(applicant.auth).expect(403);
    expect(res.body.error.details.code).toBe('FORBIDDEN');
  });
});

describe('POST /workforce/workers/:id/audit', () => {
  it('approval grants the Worker role, logs who/why, notifies, and the worker is recommended', async () => {
    const applicant = await newApplicant();
    const { documentId } = (await apply(applicant, application({ idNumber: makeIdNumber('310105', '1982-09-09', 7, 'female') })).expect(201)).body.data;
    const res = await audit(admins.opsSh, documentId, { decision: 'approve', reason: '证件核验通过' }).expect(200);
    expect(res.body.data).toMatchObject({ auditStatus: 'approved', auditStatusLabel: '已通过', employment: 'active' });
    expect(res.body.data.history.map((h: any) => [h.decision, h.reason, h.operator])).toEqual([
      ['submitted', '提交入驻申请', `user:${applicant.id}`],
      ['approved', '证件核验通过', 'ops-sh@test.shangmen'],
    ]);

    const users = await app.http.get('/api/users/me').set(applicant.auth).expect(200);
    expect(users.body).toMatchObject({ isWorker: true, roleType: 'worker' });
    const note = await eventually(() => app.strapi.db.query('api::notify.notification').findOne({ where: { userRef: applicant.id, code: 'worker_approved' } }));
    expect(note.body).toBe('原因：证件核验通过');

    // A worker is matched from their home: set it as the new worker would, in their app.
    await app.http.put('/api/me/worker').set(applicant.auth).send({ data: { home: { lat: 31.191, lng: 121.431 } } }).expect(200);
    const rec = await app.http.post('/api/dispatch/recommend').set(w.member.auth).send({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 10) }).expect(200);
    expect(rec.body.data.map((c: any) => c.worker.documentId)).toContain(documentId);

    const twice = await audit(admins.kefu, documentId, { decision: 'reject', reason: '重复' }).expect(409);
    expect(twice.body.error.details.code).toBe('INVALID_TRANSITION');
  });

  it('rejection keeps the member a member, shows the reason, and allows applying again', async () => {
    const applicant = await newApplicant();
    const { documentId } = (await apply(applicant, application({ idNumber: makeIdNumber('310106', '1990-02-28', 9, 'female') })).expect(201)).body.data;
    await audit(admins.kefu, documentId, { decision: 'reject', reason: '健康证照片不清晰' }).expect(200);
    expect((await app.http.get('/api/users/me').set(applicant.auth).expect(200)).body.isWorker).toBe(false);
    const me = await app.http.get('/api/me/worker').set(applicant.auth).expect(200);
    expect(me.body.data).toMatchObject({ auditStatus: 'rejected', auditReason: '健康证照片不清晰' });
    await eventually(() => app.strapi.db.query('api::notify.notification').findOne({ where: { userRef: applicant.id, code: 'worker_rejected' } }));

    const again = await apply(applicant, application({ idNumber: makeIdNumber('310106', '1990-02-28', 9, 'female'), experienceYears: 7 })).expect(201);
    expect(again.body.data).toMatchObject({ documentId, auditStatus: 'pending', auditReason: null });
    const history = (await app.http.get(`/workforce/workers/${documentId}`).set(admins.kefu).expect(200)).body.data.history;
    expect(history.map((h: any) => h.decision)).toEqual(['submitted', 'rejected', 'submitted']);
  });

  it('a 上海 城市运营 cannot see or audit a 北京 applicant (404); 客服 can', async () => {
    const applicant = await newApplicant();
    const { documentId } = (await apply(applicant, application({ city: '110100', idNumber: makeIdNumber('110105', '1979-11-30', 1, 'female') })).expect(201)).body.data;
    const res = await audit(admins.opsSh, documentId, { decision: 'approve', reason: '通过' }).expect(404);
    expect(res.body.error.details.code).toBe('NOT_FOUND');
    await app.http.get(`/workforce/workers/${documentId}`).set(admins.opsSh).expect(404);
    const queue = await app.http.get('/workforce/workers?auditStatus=pending').set(admins.opsSh).expect(200);
    expect(queue.body.data.map((r: any) => r.documentId)).not.toContain(documentId);
    expect(queue.body.data.every((r: any) => r.city === '310100')).toBe(true);
    // The admin page pages through the queue with query-string numbers.
    const paged = await app.http.get('/workforce/workers?page=1&pageSize=20&auditStatus=pending').set(admins.kefu).expect(200);
    expect(paged.body.meta.pagination).toMatchObject({ page: 1, pageSize: 20 });
    expect(paged.body.data.map((r: any) => r.documentId)).toContain(documentId);
    const badPage = await app.http.get('/workforce/workers?pageSize=lots').set(admins.kefu).expect(400);
    expect(badPage.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'pageSize' });
    expect((await app.strapi.db.query(WORKER).findOne({ where: { documentId } })).auditStatus).toBe('pending');
    await audit(admins.kefu, documentId, { decision: 'approve', reason: '通过' }).expect(200);
  });

  it('refuses a bad decision or a missing reason, and members and 财务 are refused', async () => {
    const applicant = await newApplicant();
    const { documentId } = (await apply(applicant, application({ idNumber: makeIdNumber('310107', '1986-07-07', 11, 'female') })).expect(201)).body.data;
    expect((await audit(admins.kefu, documentId, { decision: 'maybe', reason: 'x' }).expect(400)).body.error.details.field).toBe('decision');
    expect((await audit(admins.kefu, documentId, { decision: 'approve' }).expect(400)).body.error.details.field).toBe('reason');
    await audit(admins.caiwu, documentId, { decision: 'approve', reason: '通过' }).expect(403);
    await audit(w.member.auth, documentId, { decision: 'approve', reason: '通过' }).expect(401);
  });
});

describe('suspend / reinstate', () => {
  it('a suspended worker gets no offers, cannot accept (403), and is back after reinstatement', async () => {
    const worker = w.workers[2];
    const res = await app.http.post(`/workforce/workers/${worker.workerDocumentId}/suspend`).set(admins.opsSh).send({ reason: '多次迟到' }).expect(200);
    expect(res.body.data).toMatchObject({ employment: 'suspended', employmentLabel: '暂停接单', suspendedReason: '多次迟到' });
    const me = await app.http.get('/api/me/worker').set(worker.auth).expect(200);
    expect(me.body.data).toMatchObject({ employment: 'suspended', suspendedReason: '多次迟到' });

    const rec = await app.http.post('/api/dispatch/recommend').set(w.member.auth).send({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 14) }).expect(200);
    expect(rec.body.data.map((c: any) => c.worker.documentId)).not.toContain(worker.workerDocumentId);
    const order = await paidOrder(app.strapi, app.http, w, localAt(5, 10));
    const refused = await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(403);
    expect(refused.body.error.details.code).toBe('FORBIDDEN');

    await app.http.post(`/workforce/workers/${worker.workerDocumentId}/suspend`).set(admins.opsSh).send({ reason: '再次' }).expect(409);
    const back = await app.http.post(`/workforce/workers/${worker.workerDocumentId}/reinstate`).set(admins.opsSh).send({ reason: '已整改' }).expect(200);
    expect(back.body.data).toMatchObject({ employment: 'active', suspendedReason: null });
    expect(back.body.data.history.slice(-2).map((h: any) => [h.decision, h.reason])).toEqual([
      ['suspended', '多次迟到'],
      ['reinstated', '已整改'],
    ]);
    await app.http.post(`/api/orders/${order.documentId}/accept`).set(worker.auth).expect(200);
  });

  it('the Content Manager cannot store an invalid ID number', async () => {
    const res = await app.http
      .put(`/content-manager/collection-types/${WORKER}/${w.workers[0].workerDocumentId}`)
      .set(admins.opsSh)
      .send({ idNumber: '310104198504120032' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'VALIDATION_FAILED', field: 'idNumber' });
    // 1 is the right check character for 31010419850412003: that number is stored.
    await app.http.put(`/content-manager/collection-types/${WORKER}/${w.workers[0].workerDocumentId}`).set(admins.opsSh).send({ idNumber: '310104198504120031' }).expect(200);
    expect((await app.strapi.db.query(WORKER).findOne({ where: { id: w.workers[0].workerId } })).idNumber).toBe('310104198504120031');
  });
});
