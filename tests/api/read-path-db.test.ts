import Database from 'better-sqlite3';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createCity, createWorker } from '../helpers/fixtures';

/** The uncached read path: SQLite in WAL mode, and indexes for the filters clients use. */
let app: TestApp;
const isSqlite = () => (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';

beforeAll(async () => {
  app = await bootStrapi();
  const sh = await createCity(app.strapi);
  await createWorker(app.strapi, { realName: '王秀英', city: sh.documentId, rating: 4.9 });
});
afterAll(async () => {
  await app?.close();
});

it('declares indexes for the public worker, item and category filters', async () => {
  const inspector = (app.strapi.db as any).dialect.schemaInspector;
  // Column order within an index as the inspector reports it differs between databases (PostgreSQL gave sort,active for (active, sort)).
  const columnsOf = async (table: string) => (await inspector.getIndexes(table)).map((i: { columns: string[] }) => [...i.columns].sort().join(','));
  expect(await columnsOf('workers')).toContain('audit_status,employment,rating');
  expect(await columnsOf('service_items')).toEqual(expect.arrayContaining(['active,sort', 'price']));
  expect(await columnsOf('service_categories')).toContain('active,sort');
  expect(await columnsOf('cities')).toContain('adcode');
});

(isSqlite() ? describe : describe.skip)('SQLite', () => {
  const file = () => (app.strapi.db.connection.client as any).connectionSettings.filename as string;

  it('runs in WAL mode with synchronous=NORMAL', async () => {
    const [{ journal_mode }] = await app.strapi.db.connection.raw('pragma journal_mode');
    const [{ synchronous }] = await app.strapi.db.connection.raw('pragma synchronous');
    expect(journal_mode).toBe('wal');
    expect(synchronous).toBe(1);
  });

  it('lets another process read the last commit while the app holds a write transaction open', async () => {
    const reader = new Database(file(), { readonly: true, fileMustExist: true });
    try {
      const nameOf = () => (reader.prepare("select name from cities where adcode = '310100'").get() as { name: string }).name;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const updated = new Promise<void>((resolve) => (written = resolve));
      const tx = app.strapi.db.transaction(async ({ trx }) => {
        await trx('cities').where({ adcode: '310100' }).update({ name: '上海市' });
        written();
        await held;
      });
      await updated;
      // Not blocked, and no uncommitted data: the reader sees the committed snapshot.
      expect(nameOf()).toBe('上海');
      release();
      await tx;
      expect(nameOf()).toBe('上海市');
      const res = await app.http.get('/api/cities').expect(200);
      expect(res.body.data.map((c: any) => c.name)).toEqual(['上海市']);
    } finally {
      reader.close();
    }
  });

  it('answers the public worker list from the index', async () => {
    const plan = await app.strapi.db.connection.raw(
      "explain query plan select id from workers where audit_status = 'approved' and employment = 'active' order by rating desc",
    );
    expect(plan.map((row: { detail: string }) => row.detail).join(' ')).toMatch(/workers_public_rating_idx/);
  });
});
