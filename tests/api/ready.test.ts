import { bootStrapi, type TestApp } from '../helpers/strapi';

// Its own file: the last test destroys the database connection pool.
let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.close().catch(() => undefined);
});

it('answers /_ready with 204 while the database answers, and /_health stays 204', async () => {
  await app.http.get('/_ready').expect(204);
  await app.http.get('/_health').expect(204);
});

it('answers /_ready with 503 naming the database once it is gone; /_health still 204', async () => {
  await app.strapi.db.connection.destroy();
  const res = await app.http.get('/_ready').expect(503);
  expect(res.body.error).toMatchObject({ status: 503, details: { code: 'SERVICE_UNAVAILABLE', down: ['database'], checks: { database: 'down' } } });
  // Redis is checked only where it is configured (the services suites), and it is still up.
  expect(res.body.error.details.checks.redis).toBe(process.env.REDIS_URL ? 'up' : undefined);
  await app.http.get('/_health').expect(204);
});
