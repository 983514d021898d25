import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { buildDispatchWorld, localAt, saveDispatchSettings } from '../../helpers/dispatch';
import type { OrderWorld } from '../../helpers/orders';

let app: TestApp;
let w: OrderWorld;

beforeAll(async () => {
  app = await bootStrapi();
  w = await buildDispatchWorld(app.strapi, app.http);
  await saveDispatchSettings(app.strapi, { mode: 'manual' });
});
afterAll(async () => {
  await app?.close();
});

const scores = async (auth: Record<string, string>, address: string) => {
  const res = await app.http.get(`/api/workers?address=${address}&serviceItem=${w.hourly}`).set(auth).expect(200);
  return new Map<string, number>(res.body.data.map((x: any) => [x.documentId, x.score]));
};

describe('favourite workers in the dispatch ranking', () => {
  it('gives a worker the member saved as a favourite a small boost in the preference factor', async () => {
    const favourite = w.workers[2].workerDocumentId;
    const before = await scores(w.member.auth, w.address);
    await app.http.post('/api/me/favourites').set(w.member.auth).send({ kind: 'worker', id: favourite }).expect(201);
    const after = await scores(w.member.auth, w.address);
    const gain = after.get(favourite)! - before.get(favourite)!;
    expect(gain).toBeGreaterThan(0);
    expect(gain).toBeLessThanOrEqual(5);
    for (const other of w.workers.slice(0, 2)) expect(after.get(other.workerDocumentId)).toBe(before.get(other.workerDocumentId));

    const rec = await app.http
      .post('/api/dispatch/recommend')
      .set(w.member.auth)
      .send({ serviceItem: w.hourly, address: w.address, scheduledAt: localAt(3, 10) })
      .expect(200);
    const entry = rec.body.data.find((c: any) => c.worker.documentId === favourite);
    const others = rec.body.data.filter((c: any) => c.worker.documentId !== favourite);
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(entry.breakdown.preference).toBeGreaterThan(c.breakdown.preference);

    // Removing the favourite takes the boost away again.
    await app.http.delete(`/api/me/favourites/worker/${favourite}`).set(w.member.auth).expect(204);
    expect((await scores(w.member.auth, w.address)).get(favourite)).toBe(before.get(favourite));
  });
});
