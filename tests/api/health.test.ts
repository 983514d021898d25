import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.close();
});

it('answers /_health with 204 once it serves', async () => {
  await app.http.get('/_health').expect(204);
});
