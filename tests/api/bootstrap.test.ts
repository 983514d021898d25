import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.close();
});

describe('bootstrap', () => {
  it('makes zh-Hans the default content locale', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
  });

  it('creates the member and worker roles', async () => {
    const roles = await app.strapi.db.query('plugin::users-permissions.role').findMany({ select: ['type'] });
    expect(roles.map((r: { type: string }) => r.type)).toEqual(expect.arrayContaining(['public', 'authenticated', 'worker']));
  });

  it('seeds the admin roles 超级管理员, 客服, 财务, 城市运营', async () => {
    const roles = await app.strapi.db.query('admin::role').findMany({ select: ['name'] });
    expect(roles.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['超级管理员', '客服', '财务', '城市运营']));
  });

  it('scopes 城市运营 content-manager permissions with the same-city condition', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { name: '城市运营' } });
    const permissions = await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id } });
    const workerRead = permissions.find(
      (p: any) => p.action === 'plugin::content-manager.explorer.read' && p.subject === 'api::people.worker',
    );
    expect(workerRead.conditions).toEqual(['api::same-city']);
  });

  it('runs MySQL/MariaDB sessions at READ COMMITTED, transactions included', async () => {
    const knex = app.strapi.db.connection;
    if (!String(knex.client.config.client).includes('mysql')) return; // SQLite serialises writers; nothing to set
    const isolation = async (run: typeof knex | import('knex').Knex.Transaction) => {
      const [rows] = await run.raw("SHOW SESSION VARIABLES WHERE Variable_name IN ('tx_isolation', 'transaction_isolation')");
      return [...new Set(rows.map((row: { Value: string }) => row.Value))];
    };
    expect(await isolation(knex)).toEqual(['READ-COMMITTED']);
    expect(await knex.transaction((trx) => isolation(trx))).toEqual(['READ-COMMITTED']);
  });

  it('keeps phone numbers unique at the database level', async () => {
    const users = app.strapi.db.query('plugin::users-permissions.user');
    await users.create({ data: { username: 'phone-a', phone: '13900000001', provider: 'local' } });
    // Errors raised by knex can come from another module realm, so match on the message.
    const outcome = await users
      .create({ data: { username: 'phone-b', phone: '13900000001', provider: 'local' } })
      .then(() => 'inserted', (err: { message?: string }) => String(err?.message));
    expect(outcome).toMatch(/UNIQUE|Duplicate|unique/);
    await users.create({ data: { username: 'no-phone-a', provider: 'local' } });
    await users.create({ data: { username: 'no-phone-b', provider: 'local' } });
  });

  it('is idempotent across restarts of the same database', async () => {
    const { ensureAdminRoles } = await import('../../src/bootstrap/admin-roles');
    const before = await app.strapi.db.query('admin::permission').count();
    await ensureAdminRoles(app.strapi);
    expect(await app.strapi.db.query('admin::permission').count()).toBe(before);
  });
});
