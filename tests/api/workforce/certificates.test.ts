import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, localAt, saveDispatchSettings } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

/**
 * 资质证书 as dispatch and the daily check see them: a skill that needs a certificate (技能 →
 * 所需证书) is matched only while the worker's certificate is valid on the service day, and the
 * worker hears of the expiry 30 days ahead and once it has lapsed, each notice once.
 */
let app: TestApp;
let w: OrderWorld;
const DAY = 86_400_000;

/** The Shanghai date `days` from now. */
const dayFromNow = (days: number) => localAt(days, 12).slice(0, 10);

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  await saveDispatchSettings(app.strapi, { mode: 'manual' });
  for (const code of ['certificate_expiring', 'certificate_expired']) {
    await app.strapi.db.query('api::settings.message-template').create({ data: { code, channel: 'in_app', name: code, content: '{certificate} {expiresAt} {days} {skills}', active: true } });
  }
  const housekeeping = await app.strapi.db.query('api::catalog.skill').findOne({ where: { slug: 'housekeeping' } });
  await app.strapi.documents('api::catalog.skill').update({ documentId: housekeeping.documentId, data: { requiredCertificate: 'health' } } as any);
  const certify = (i: number, certificates: unknown[]) =>
    app.strapi.documents('api::people.worker').update({ documentId: w.workers[i].workerDocumentId, data: { certificates } } as any);
  // 王秀英's health certificate lapses in five days; 李春花's never does; 张建国 holds none.
  await certify(0, [{ type: 'health', name: '健康证明', expiresAt: dayFromNow(5) }]);
  await certify(1, [{ type: 'health', name: '健康证明' }]);
});
afterAll(async () => {
  await app?.close();
});

const recommended = async (scheduledAt: string): Promise<string[]> => {
  const res = await app.http.post('/api/dispatch/recommend').set(w.member.auth).send({ serviceItem: w.hourly, address: w.address, scheduledAt }).expect(200);
  return res.body.data.map((r: any) => r.worker.documentId);
};

describe('a skill that needs a certificate', () => {
  it('is matched only while the certificate is valid on the service day', async () => {
    expect(await recommended(localAt(3, 10))).toEqual([w.workers[0].workerDocumentId, w.workers[1].workerDocumentId]);
    expect(await recommended(localAt(5, 10))).toContain(w.workers[0].workerDocumentId);
    expect(await recommended(localAt(6, 10))).toEqual([w.workers[1].workerDocumentId]);
  });

  it('refuses the member choosing a worker whose certificate will have lapsed, with the reason', async () => {
    const choose = (worker: string, days: number) =>
      app.http
        .post('/api/orders')
        .set(w.member.auth)
        .send({ serviceItem: w.hourly, quantity: 2, address: w.address, scheduledAt: localAt(days, 14), paymentMode: 'full', worker });
    const late = await choose(w.workers[0].workerDocumentId, 7).expect(409);
    expect(late.body.error).toMatchObject({ message: '服务人员所需资质证书缺失或已过期', details: { code: 'WORKER_UNAVAILABLE' } });
    await choose(w.workers[2].workerDocumentId, 4).expect(409);
    await choose(w.workers[0].workerDocumentId, 4).expect(201);
  });

  it('comes back once a renewed certificate is uploaded', async () => {
    await app.strapi.documents('api::people.worker').update({
      documentId: w.workers[2].workerDocumentId,
      data: { certificates: [{ type: 'health', name: '健康证明', expiresAt: dayFromNow(365) }] },
    } as any);
    expect(await recommended(localAt(6, 10))).toEqual(expect.arrayContaining([w.workers[1].workerDocumentId, w.workers[2].workerDocumentId]));
  });
});

describe('the daily certificate check', () => {
  const watch = () => app.strapi.plugin('workforce').service('certificate-watch');
  const notices = (code: string) => app.strapi.db.query('api::notify.notification').findMany({ where: { userRef: w.workers[0].id, code } });

  it('warns within 30 days and after the lapse, each notice once however often it runs', async () => {
    const now = new Date();
    expect(await watch().run(now)).toBe(1);
    expect(await watch().run(now)).toBe(0);
    await Promise.all([watch().run(new Date(now.getTime() + DAY)), watch().run(new Date(now.getTime() + DAY))]);
    const warned = await notices('certificate_expiring');
    expect(warned).toHaveLength(1);
    expect(warned[0].body).toBe(`健康证 ${dayFromNow(5)} 5 保洁`);
    expect(warned[0].data).toMatchObject({ worker: w.workers[0].workerDocumentId, certificate: 'health', stage: 'expiring' });

    expect(await watch().run(new Date(now.getTime() + 6 * DAY))).toBe(1);
    expect(await watch().run(new Date(now.getTime() + 7 * DAY))).toBe(0);
    const lapsed = await notices('certificate_expired');
    expect(lapsed).toHaveLength(1);
    expect(lapsed[0].body).toContain('保洁');
    // Nobody else was due: the never-expiring and the renewed certificates stay quiet.
    const others = await app.strapi.db.query('api::notify.notification').count({
      where: { code: { $in: ['certificate_expiring', 'certificate_expired'] }, userRef: { $in: [w.workers[1].id, w.workers[2].id] } },
    });
    expect(others).toBe(0);
  });
});
