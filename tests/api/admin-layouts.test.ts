import path from 'path';
import {
  buildDesiredView,
  configureAdminLayouts,
  managedModels,
  reconcileView,
  type ManagerModel,
  type ViewConfiguration,
} from '../../src/bootstrap/admin-layouts';
import { COMPONENT_VIEWS, CONTENT_TYPE_VIEWS } from '../../src/bootstrap/admin-labels';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const ITEM = 'api::catalog.service-item';
const CATEGORY = 'api::catalog.service-category';

let app: TestApp;
let adminToken: string;

const viewPath = (uid: string) =>
  uid.includes('::') ? `/content-manager/content-types/${uid}/configuration` : `/content-manager/components/${uid}/configuration`;

/** The view exactly as the admin's "Configure the view" page loads it. */
async function loadView(uid: string): Promise<ViewConfiguration> {
  const res = await app.http.get(viewPath(uid)).set('Authorization', `Bearer ${adminToken}`).expect(200);
  const data = uid.includes('::') ? res.body.data.contentType : res.body.data.component;
  return { settings: data.settings, metadatas: data.metadatas, layouts: data.layouts };
}

/** What the admin sends when an operator saves "Configure the view": the loaded view without the
 * `list.mainField` the GET adds for relation columns. */
async function saveView(uid: string, view: ViewConfiguration) {
  const metadatas = Object.fromEntries(
    Object.entries(view.metadatas).map(([name, { edit, list }]) => {
      const { mainField: _shownOnly, ...listMeta } = list as typeof list & { mainField?: unknown };
      return [name, { edit, list: listMeta }];
    }),
  );
  return app.http.put(viewPath(uid)).set('Authorization', `Bearer ${adminToken}`).send({ ...view, metadatas });
}

const editNames = (view: ViewConfiguration) => view.layouts.edit.flat().map((cell) => cell.name);

beforeAll(async () => {
  app = await bootStrapi();
  // Until src/index.ts calls it in bootstrap; running it twice is harmless.
  await configureAdminLayouts(app.strapi);
  const res = await app.http
    .post('/admin/register-admin')
    .send({ email: 'ops@example.com', firstname: '运营', lastname: '测试', password: 'Operat0rPass' })
    .expect(200);
  adminToken = res.body.data.token;
});

afterAll(async () => {
  await app?.close();
});

describe('Content Manager views for operators', () => {
  it('labels service item fields in Chinese and explains fen prices', async () => {
    const view = await loadView(ITEM);
    expect(view.metadatas.name.edit.label).toBe('服务名称');
    expect(view.metadatas.name.list.label).toBe('服务名称');
    expect(view.metadatas.category.list.label).toBe('所属分类');
    expect(view.metadatas.price.edit.label).toBe('价格（分）');
    expect(view.metadatas.price.edit.description).toContain('单位：分（100 = ¥1.00）');
    expect(view.metadatas.unit.edit.description).toContain('hour = 按小时');
    expect(view.metadatas.category.edit.mainField).toBe('name');
  });

  it('lists service items by sort order with useful columns', async () => {
    const view = await loadView(ITEM);
    expect(view.layouts.list).toEqual(['name', 'category', 'price', 'unit', 'sort', 'active']);
    expect(view.settings).toMatchObject({ mainField: 'name', defaultSortBy: 'sort', defaultSortOrder: 'ASC' });
    expect(view.metadatas.sort.list.sortable).toBe(true);
    expect((await loadView(CATEGORY)).settings).toMatchObject({ defaultSortBy: 'sort', defaultSortOrder: 'ASC' });
  });

  it('groups the price fields of a service item on one edit row', async () => {
    const view = await loadView(ITEM);
    const row = view.layouts.edit.find((cells) => cells.some((cell) => cell.name === 'price'));
    expect(row).toEqual([
      { name: 'unit', size: 4 },
      { name: 'price', size: 4 },
      { name: 'originalPrice', size: 4 },
    ]);
    expect(view.layouts.edit.every((cells) => cells.reduce((sum, cell) => sum + cell.size, 0) <= 12)).toBe(true);
  });

  it('hides the technical search column from the edit view and the list', async () => {
    for (const uid of [ITEM, 'api::catalog.skill', 'api::people.worker']) {
      const view = await loadView(uid);
      expect(view.layouts.list).not.toContain('searchIndex');
      expect(editNames(view)).not.toContain('searchIndex');
      expect(view.metadatas.searchIndex.edit.visible).toBe(false);
    }
  });

  it('keeps worker identity editable and aggregates read-only', async () => {
    const view = await loadView('api::people.worker');
    expect(view.layouts.list).toEqual(['realName', 'gender', 'city', 'auditStatus', 'employment', 'rating']);
    expect(editNames(view)).toEqual(expect.arrayContaining(['realName', 'idNumber']));
    expect(view.metadatas.realName.edit).toMatchObject({ label: '真实姓名', visible: true, editable: true });
    expect(view.metadatas.idNumber.edit).toMatchObject({ label: '身份证号', visible: true, editable: true });
    expect(view.metadatas.rating.edit.editable).toBe(false);
    expect(view.metadatas.auditStatus.edit.description).toContain('pending = 待审核');
  });

  it('shows members with phone and nickname columns', async () => {
    const view = await loadView('plugin::users-permissions.user');
    expect(view.layouts.list).toEqual(['username', 'phone', 'nickname', 'email', 'role', 'blocked']);
    expect(view.metadatas.phone.list.label).toBe('手机号');
  });

  it('gives every field of every operator-edited model a label other than its attribute name', async () => {
    const { contentTypes, components } = managedModels(app.strapi);
    const english: string[] = [];
    for (const uid of [...contentTypes, ...components]) {
      const view = await loadView(uid);
      for (const name of editNames(view)) {
        if (view.metadatas[name].edit.label === name) english.push(`${uid}.${name}`);
      }
      for (const name of view.layouts.list) {
        if (view.metadatas[name].list.label === name) english.push(`${uid}.${name} (list)`);
      }
    }
    expect(english).toEqual([]);
  });

  it('names only fields that exist in the label data', () => {
    const unknown: string[] = [];
    const check = (uid: string, attributes: Record<string, unknown> | undefined, names: string[]) => {
      for (const name of names) if (!attributes || !(name in attributes)) unknown.push(`${uid}.${name}`);
    };
    for (const [uid, spec] of Object.entries(CONTENT_TYPE_VIEWS)) {
      const attributes = (app.strapi.contentTypes as Record<string, { attributes: Record<string, unknown> }>)[uid]?.attributes;
      const names = [...Object.keys(spec.fields), ...(spec.list ?? []), ...(spec.edit ?? []).flat().map((e) => (typeof e === 'string' ? e : e[0]))];
      check(uid, attributes ? { ...attributes, createdAt: 1, updatedAt: 1, id: 1 } : undefined, names);
    }
    for (const [uid, spec] of Object.entries(COMPONENT_VIEWS)) {
      const attributes = (app.strapi.components as Record<string, { attributes: Record<string, unknown> }>)[uid]?.attributes;
      const names = [...Object.keys(spec.fields), ...(spec.edit ?? []).flat().map((e) => (typeof e === 'string' ? e : e[0]))];
      check(uid, attributes, names);
    }
    expect(unknown).toEqual([]);
  });

  it('lets an operator save every view unchanged (passes the Content Manager validation)', async () => {
    const { contentTypes, components } = managedModels(app.strapi);
    for (const uid of [...contentTypes, ...components]) {
      const res = await saveView(uid, await loadView(uid));
      expect({ uid, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ uid, status: 200, body: undefined });
    }
  });

  it('keeps what an operator changed in the admin on the next boot', async () => {
    const view = await loadView(ITEM);
    view.metadatas.name.edit.label = '项目名称';
    view.metadatas.price.edit.description = '填分，例如 9900 表示 99 元';
    view.layouts.list = ['name', 'price', 'active'];
    view.settings.pageSize = 50;
    expect((await saveView(ITEM, view)).status).toBe(200);

    await configureAdminLayouts(app.strapi);

    const after = await loadView(ITEM);
    expect(after.metadatas.name.edit.label).toBe('项目名称');
    expect(after.metadatas.price.edit.description).toBe('填分，例如 9900 表示 99 元');
    expect(after.layouts.list).toEqual(['name', 'price', 'active']);
    expect(after.settings.pageSize).toBe(50);
    // What the operator did not touch is still ours.
    expect(after.metadatas.category.edit.label).toBe('所属分类');
    expect(after.settings.defaultSortBy).toBe('sort');
  });

  it('writes nothing when run again on an unchanged database', async () => {
    // Only the rows this code may write: Strapi's own timers (upload metrics' weekly cron)
    // update other core-store rows whenever they fire.
    const ours = () =>
      app.strapi.db.query('strapi::core-store').findMany({
        where: { $or: [{ key: { $startsWith: 'plugin_content_manager_configuration' } }, { key: 'core_shangmen_admin_views' }] },
        orderBy: { id: 'asc' },
      });
    const before = await ours();
    expect(before.length).toBeGreaterThan(10);
    expect(before.some((row: { key: string }) => row.key === 'core_shangmen_admin_views')).toBe(true);
    await configureAdminLayouts(app.strapi);
    expect(await ours()).toEqual(before);
  });
});

describe('reconciling a view with what we wrote before', () => {
  const model: ManagerModel = {
    uid: 'api::demo.thing',
    attributes: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'integer' }, sort: { type: 'integer' } },
  };
  const strapiDefault = (): ViewConfiguration => ({
    settings: { pageSize: 10, mainField: 'name', defaultSortBy: 'name', defaultSortOrder: 'ASC' },
    metadatas: Object.fromEntries(
      ['name', 'price', 'sort'].map((name) => [name, { edit: { label: name, description: '' }, list: { label: name } }]),
    ),
    layouts: { list: ['id', 'name', 'price', 'sort'], edit: [[{ name: 'name', size: 6 }, { name: 'price', size: 4 }], [{ name: 'sort', size: 4 }]] },
  });
  const spec = (priceLabel: string) => ({
    mainField: 'name',
    list: ['name', 'price', 'sort'],
    fields: { name: { label: '名称' }, price: { label: priceLabel, description: '单位：分' } },
  });
  const noRelations = () => undefined;
  const attributes = Object.keys(model.attributes);

  it('updates a label it wrote earlier when the label data changes', () => {
    const first = reconcileView(strapiDefault(), buildDesiredView(model, spec('价格'), noRelations), undefined, attributes);
    const second = reconcileView(first.next, buildDesiredView(model, spec('售价（分）'), noRelations), first.applied, attributes);
    expect(second.next.metadatas.price.edit.label).toBe('售价（分）');
    expect(second.next.settings).toMatchObject({ defaultSortBy: 'sort', defaultSortOrder: 'ASC', pageSize: 20 });
  });

  it('never overwrites a label an operator typed, even before the first run', () => {
    const typed = strapiDefault();
    typed.metadatas.name.edit.label = '商品名';
    const first = reconcileView(typed, buildDesiredView(model, spec('价格'), noRelations), undefined, attributes);
    expect(first.next.metadatas.name.edit.label).toBe('商品名');
    expect(first.next.metadatas.price.edit.label).toBe('价格');
  });

  it('still manages a layout Strapi only extended with a newly added attribute', () => {
    const first = reconcileView(strapiDefault(), buildDesiredView(model, spec('价格'), noRelations), undefined, attributes);
    const grown: ManagerModel = { ...model, attributes: { ...model.attributes, stock: { type: 'integer' } } };
    const synced = structuredClone(first.next);
    synced.layouts.edit.push([{ name: 'stock', size: 4 }]);
    const withStock = { ...spec('价格'), edit: [['name', 'stock'], ['price', 'sort']] };
    const second = reconcileView(synced, buildDesiredView(grown, withStock, noRelations), first.applied, Object.keys(grown.attributes));
    expect(second.next.layouts.edit[0].map((cell) => cell.name)).toEqual(['name', 'stock']);
  });

  it('leaves edit rows alone once an operator rearranged them', () => {
    const first = reconcileView(strapiDefault(), buildDesiredView(model, spec('价格'), noRelations), undefined, attributes);
    const rearranged = structuredClone(first.next);
    rearranged.layouts.edit = [[{ name: 'price', size: 12 }], [{ name: 'name', size: 6 }, { name: 'sort', size: 4 }]];
    const second = reconcileView(rearranged, buildDesiredView(model, { ...spec('价格'), edit: [['sort', 'name']] }, noRelations), first.applied, attributes);
    expect(second.next.layouts.edit).toEqual(rearranged.layouts.edit);
  });
});

describe('zh-Hans overrides for the admin (src/admin/translations/zh-Hans.json)', () => {
  const overrides: Record<string, string> = require('../../src/admin/translations/zh-Hans.json');
  const packages: Array<[prefix: string, pkg: string, dir: string]> = [
    ['', '@strapi/admin', 'dist/admin/admin/src/translations'],
    ['content-manager.', '@strapi/content-manager', 'dist/admin/translations'],
    ['upload.', '@strapi/upload', 'dist/admin/translations'],
    ['users-permissions.', '@strapi/plugin-users-permissions', 'dist/admin/translations'],
    ['i18n.', '@strapi/i18n', 'dist/admin/translations'],
    ['email.', '@strapi/email', 'dist/admin/translations'],
    ['documentation.', '@strapi/plugin-documentation', 'dist/admin/translations'],
  ];
  const english: Record<string, string> = {};
  for (const [prefix, pkg, dir] of packages) {
    const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), dir, 'en.json.js');
    const messages = require(file);
    for (const [key, value] of Object.entries<string>(messages.default ?? messages)) english[prefix + key] = value;
  }
  // Simple `{name}` arguments; plural/select branches are checked by balance only.
  const argumentsOf = (message: string) => new Set([...message.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]));
  const balanced = (message: string) => {
    let depth = 0;
    for (const char of message) {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      if (depth < 0) return false;
    }
    return depth === 0;
  };

  it('covers the operator screens Strapi leaves in English', () => {
    for (const key of ['content-manager.plugin.name', 'content-manager.containers.edit.title.new', 'upload.list.empty.title', 'HomePage.header.title']) {
      expect(overrides[key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('uses only arguments the English message provides, with balanced braces', () => {
    const broken: string[] = [];
    for (const [key, message] of Object.entries(overrides)) {
      if (!balanced(message)) broken.push(`${key}: unbalanced`);
      const source = english[key];
      if (source === undefined) continue; // keys only used with a defaultMessage in Strapi's code
      const allowed = argumentsOf(source);
      for (const name of argumentsOf(message)) if (!allowed.has(name)) broken.push(`${key}: {${name}}`);
    }
    expect(broken).toEqual([]);
  });
});
