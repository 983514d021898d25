import { bootStrapi, type TestApp } from '../../helpers/strapi';

// MariaDB / PostgreSQL + Redis: readiness checks both; the database pool is destroyed last.
let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.close().catch(() => undefined);
});

it('answers /_ready with 204 while the database and Redis answer', async () => {
  await app.http.get('/_ready').expect(204);
});

it('answers /_ready with 503 naming the database when it stops answering, Redis still up', async () => {
  await app.strapi.db.connection.destroy();
  const res = await app.http.get('/_ready').expect(503);
  expect(res.body.error.details).toMatchObject({ code: 'SERVICE_UNAVAILABLE', down: ['database'], checks: { database: 'down', redis: 'up' } });
  await app.http.get('/_health').expect(204);
});
