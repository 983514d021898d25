import fs from 'fs';
import os from 'os';
import path from 'path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdminSession, createMember, createWorker, createWorkerUser, type TestUser } from '../helpers/fixtures';

// Attacks from issue 9, as another member, a worker and an anonymous client.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<html><body><script>window.__pwned = 1</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const MAX_BYTES = 64 * 1024;

const publicDir = path.resolve(__dirname, '..', '..', 'public', 'uploads');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shangmen-uploads-test-'));
const tmpDir = path.join(scratch, 'tmp');
const privateDir = path.join(scratch, 'private');
fs.mkdirSync(tmpDir);

let app: TestApp;
let alice: TestUser;
let mallory: TestUser;
let worker: TestUser;
let catalogIcon: { id: number; url: string; hash: string };
let catalogIconBytes: Buffer;

const tmpEntries = () => fs.readdirSync(tmpDir).sort();
const fileCount = () => app.strapi.db.query('plugin::upload.file').count();

function upload(user: TestUser | null, purpose: string, files: Array<[Buffer, string, string]>) {
  let req = app.http.post('/api/me/uploads');
  if (user) req = req.set(user.auth);
  req = req.field('purpose', purpose);
  for (const [bytes, filename, contentType] of files) req = req.attach('files', bytes, { filename, contentType });
  return req;
}

beforeAll(async () => {
  app = await bootStrapi({ env: { TMPDIR: tmpDir, UPLOAD_PRIVATE_DIR: privateDir, UPLOAD_MAX_BYTES: String(MAX_BYTES), UPLOAD_MAX_FILES: '3' } });
  alice = await createMember(app.strapi);
  mallory = await createMember(app.strapi);
  worker = await createWorkerUser(app.strapi);
  await createWorker(app.strapi, { user: worker.id, realName: '王秀英', displayName: '王阿姨' });
  // An operator's file, e.g. a category icon: what attackers went after.
  const source = path.join(scratch, 'icon.png');
  fs.writeFileSync(source, PNG);
  const [file] = await app.strapi.plugin('upload').service('upload').upload({
    data: { fileInfo: { name: 'icon.png' } },
    files: { filepath: source, originalFilename: 'icon.png', mimetype: 'image/png', size: PNG.length },
  });
  catalogIcon = file;
  // Strapi re-encodes images on upload: compare with what it stored.
  catalogIconBytes = fs.readFileSync(path.join(publicDir, path.basename(file.url)));
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('stock upload actions are closed to members and workers', () => {
  it('grants no plugin::upload content-API action to any users-permissions role', async () => {
    const rows = await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { action: { $startsWith: 'plugin::upload.' } } });
    expect(rows.map((r: { action: string }) => r.action)).toEqual([]);
  });

  it.each([
    ['a member', () => alice],
    ['a worker', () => worker],
  ])('refuses %s replacing a catalog file through POST /api/upload?id=', async (_who, who) => {
    const res = await app.http.post(`/api/upload?id=${catalogIcon.id}`).set(who().auth).attach('files', HTML, { filename: 'x.png', contentType: 'image/png' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const row = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: catalogIcon.id } });
    expect(row).toMatchObject({ url: catalogIcon.url, hash: catalogIcon.hash, name: 'icon.png' });
    expect(fs.readFileSync(path.join(publicDir, path.basename(catalogIcon.url)))).toEqual(catalogIconBytes);
  });

  it('refuses a member uploading HTML through the stock route', async () => {
    const before = await fileCount();
    const res = await app.http.post('/api/upload').set(alice.auth).attach('files', HTML, { filename: 'x.html', contentType: 'text/html' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await fileCount()).toBe(before);
  });

  it('refuses a member editing file info through the stock route', async () => {
    const res = await app.http.post(`/api/upload?id=${catalogIcon.id}`).set(alice.auth).send({ fileInfo: { name: 'owned.png' } });
    expect(res.status).toBe(403);
    expect((await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: catalogIcon.id } })).name).toBe('icon.png');
  });
});

describe('POST /api/me/uploads and owned files', () => {
  let avatarId: number;
  let avatarUrl: string;

  it('needs sign-in and writes nothing for an anonymous client', async () => {
    const before = tmpEntries();
    const res = await upload(null, 'avatar', [[PNG, 'a.png', 'image/png']]);
    expect(res.status).toBe(401);
    expect(res.body.error.details.code).toBe('UNAUTHENTICATED');
    expect(tmpEntries()).toEqual(before);
  });

  it('stores a member avatar with its owner and a public URL', async () => {
    const res = await upload(alice, 'avatar', [[PNG, 'me.png', 'image/png']]).expect(201);
    expect(res.body.data).toHaveLength(1);
    const [file] = res.body.data;
    expect(file).toMatchObject({ purpose: 'avatar', mime: 'image/png', private: false, size: PNG.length });
    expect(file.url).toMatch(/^\/uploads\/.+\.png$/);
    avatarId = file.id;
    avatarUrl = file.url;
    const owned = await app.strapi.db.query('api::media.owned-file').findOne({ where: { fileId: avatarId }, populate: { owner: { select: ['id'] } } });
    expect(owned).toMatchObject({ purpose: 'avatar', private: false, owner: { id: alice.id } });
  });

  it('lets the owner set it as avatar', async () => {
    const res = await app.http.put('/api/me/profile').set(alice.auth).send({ data: { avatar: avatarId } }).expect(200);
    expect(res.body.data.avatar).toMatch(/^\/uploads\/.+\.png$/);
  });

  it.each([
    ['another member, with a member file', () => mallory, () => avatarId],
    ['another member, with an operator file', () => mallory, () => catalogIcon.id],
    ['a worker, with a member file', () => worker, () => avatarId],
    ['a member, with an id that does not exist', () => mallory, () => 999999],
  ])('refuses %s as avatar with 403 FILE_NOT_OWNED and no URL', async (_who, who, id) => {
    const res = await app.http.put('/api/me/profile').set(who().auth).send({ data: { avatar: id() } }).expect(403);
    expect(res.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'avatar' });
    expect(JSON.stringify(res.body)).not.toContain('/uploads/');
    expect((await app.http.get('/api/me/profile').set(who().auth).expect(200)).body.data.avatar).toBeNull();
  });

  it("hides one member's file from another (404) and serves it to its owner", async () => {
    await app.http.get(`/api/me/uploads/${avatarId}`).set(mallory.auth).expect(404);
    await app.http.get(`/api/me/uploads/${avatarId}/content`).set(worker.auth).expect(404);
    await app.http.get(`/api/me/uploads/${avatarId}/content`).expect(401);
    const own = await app.http.get(`/api/me/uploads/${avatarId}/content`).set(alice.auth).buffer(true).expect(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(Buffer.from(own.body)).toEqual(fs.readFileSync(path.join(publicDir, path.basename(avatarUrl))));
  });

  it("refuses a worker putting someone else's file on their profile photo, and takes their own", async () => {
    const res = await app.http.put('/api/me/worker').set(worker.auth).send({ data: { photo: avatarId } }).expect(403);
    expect(res.body.error.details).toMatchObject({ code: 'FILE_NOT_OWNED', field: 'photo' });
    await app.http.put('/api/me/worker').set(worker.auth).send({ data: { photo: catalogIcon.id } }).expect(403);
    const own = (await upload(worker, 'avatar', [[PNG, 'w.png', 'image/png']]).expect(201)).body.data[0];
    const ok = await app.http.put('/api/me/worker').set(worker.auth).send({ data: { photo: own.id } }).expect(200);
    expect(ok.body.data.photo).toEqual({ id: own.id, url: own.url });
  });

  it('exposes assertOwnedFiles for other features, purpose included', async () => {
    const media = app.strapi.service('api::media.media') as any;
    await expect(media.assertOwnedFiles(alice.id, [avatarId], 'avatar')).resolves.toBeUndefined();
    await expect(media.assertOwnedFiles(alice.id, [avatarId], ['review', 'chat'])).rejects.toMatchObject({ code: 'FILE_NOT_OWNED', details: { fileIds: [avatarId] } });
    await expect(media.assertOwnedFiles(mallory.id, [avatarId, catalogIcon.id])).rejects.toMatchObject({ code: 'FILE_NOT_OWNED', details: { fileIds: [avatarId, catalogIcon.id] } });
  });
});

describe('type and size allow-list', () => {
  it.each([
    ['HTML named .png and claimed image/png', 'avatar', HTML, 'x.png', 'image/png'],
    ['HTML', 'review', HTML, 'x.html', 'text/html'],
    ['SVG', 'chat', SVG, 'x.svg', 'image/svg+xml'],
    ['SVG claimed as PNG', 'ticket', SVG, 'x.png', 'image/png'],
    ['PDF for an avatar', 'avatar', PDF, 'x.pdf', 'application/pdf'],
  ])('refuses %s with 400 FILE_TYPE_NOT_ALLOWED and stores nothing', async (_label, purpose, bytes, name, type) => {
    const before = await fileCount();
    const res = await upload(worker, purpose, [[bytes, name, type]]).expect(400);
    expect(res.body.error.details.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await fileCount()).toBe(before);
  });

  it('refuses the whole request when one file of several is not allowed', async () => {
    const before = await fileCount();
    const res = await upload(alice, 'review', [[PNG, 'a.png', 'image/png'], [SVG, 'b.png', 'image/png']]).expect(400);
    expect(res.body.error.details.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await fileCount()).toBe(before);
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413 FILE_TOO_LARGE, leaving no temp file', async () => {
    const before = [await fileCount(), tmpEntries()];
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES + 1)]);
    const res = await upload(alice, 'review', [[big, 'big.png', 'image/png']]).expect(413);
    expect(res.body.error.details.code).toBe('FILE_TOO_LARGE');
    expect([await fileCount(), tmpEntries()]).toEqual(before);
  });

  it('refuses more files than UPLOAD_MAX_FILES with 400 TOO_MANY_FILES', async () => {
    const before = await fileCount();
    const four = Array.from({ length: 4 }, (_, i) => [PNG, `${i}.png`, 'image/png'] as [Buffer, string, string]);
    const res = await upload(alice, 'review', four).expect(400);
    expect(res.body.error.details.code).toBe('TOO_MANY_FILES');
    expect(await fileCount()).toBe(before);
  });

  it.each([
    ['an unknown purpose', (r: any) => r.field('purpose', 'catalog').attach('files', PNG, { filename: 'a.png', contentType: 'image/png' })],
    ['no file', (r: any) => r.field('purpose', 'avatar')],
    ['another file field', (r: any) => r.field('purpose', 'avatar').attach('icon', PNG, { filename: 'a.png', contentType: 'image/png' })],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, build) => {
    const res = await build(app.http.post('/api/me/uploads').set(alice.auth)).expect(400);
    expect(res.body.error.details.code).toBe('VALIDATION_FAILED');
  });

  it('names stored files after their detected type, not the client name', async () => {
    const res = await upload(alice, 'review', [[PNG, 'evil.html', 'text/html']]).expect(201);
    expect(res.body.data[0]).toMatchObject({ mime: 'image/png' });
    expect(res.body.data[0].url).toMatch(/\.png$/);
  });
});

describe('private documents (certificate and application scans)', () => {
  let cert: { id: number; url: string };

  it('stores a PDF certificate outside public/ behind a signed URL', async () => {
    const res = await upload(worker, 'certificate', [[PDF, '证书.pdf', 'application/pdf']]).expect(201);
    cert = res.body.data[0];
    expect(cert).toMatchObject({ purpose: 'certificate', mime: 'application/pdf', private: true });
    expect(cert.url).toMatch(/^\/api\/media\/private\/[\w-]+\.pdf\?expires=\d+&sig=[\w-]+$/);
    const name = cert.url.split('?')[0].split('/').pop()!;
    expect(fs.existsSync(path.join(publicDir, name))).toBe(false);
    expect(fs.readFileSync(path.join(privateDir, name))).toEqual(PDF);
    await app.http.get(`/uploads/${name}`).expect(404);
  });

  it('serves the bytes to the signed URL and to the owner, as a download', async () => {
    const signed = await app.http.get(cert.url).buffer(true).expect(200);
    expect(Buffer.from(signed.body)).toEqual(PDF);
    expect(signed.headers['content-disposition']).toMatch(/^attachment/);
    expect(signed.headers['x-content-type-options']).toBe('nosniff');
    const own = await app.http.get(`/api/me/uploads/${cert.id}/content`).set(worker.auth).buffer(true).expect(200);
    expect(Buffer.from(own.body)).toEqual(PDF);
  });

  it('refuses anonymous clients and other members without a valid signature', async () => {
    const bare = cert.url.split('?')[0];
    const expires = /expires=(\d+)/.exec(cert.url)![1];
    expect((await app.http.get(bare).expect(403)).body.error.details.code).toBe('FORBIDDEN');
    await app.http.get(`${bare}?expires=${expires}&sig=AAAA`).expect(403);
    await app.http.get(cert.url.replace(`expires=${expires}`, `expires=${Number(expires) + 3600}`)).expect(403);
    await app.http.get(`/api/me/uploads/${cert.id}`).set(alice.auth).expect(404);
    await app.http.get(`/api/me/uploads/${cert.id}/content`).set(alice.auth).expect(404);
    await app.http.get(`/api/me/uploads/${cert.id}/content`).expect(401);
    await app.http.get('/api/media/private/..%2F..%2Fpackage.json?expires=9999999999&sig=x').expect(403);
  });

  it('lets a signed URL expire', async () => {
    process.env.UPLOAD_URL_TTL_SECONDS = '1';
    try {
      const fresh = (await app.http.get(`/api/me/uploads/${cert.id}`).set(worker.auth).expect(200)).body.data;
      expect(Date.parse(fresh.expiresAt)).toBeLessThanOrEqual(Date.now() + 1000);
      await new Promise((r) => setTimeout(r, 1100));
      await app.http.get(fresh.url).expect(403);
    } finally {
      delete process.env.UPLOAD_URL_TTL_SECONDS;
    }
  });

  it('does not let a private scan become a public avatar', async () => {
    const res = await app.http.put('/api/me/profile').set(worker.auth).send({ data: { avatar: cert.id } }).expect(403);
    expect(res.body.error.details.code).toBe('FILE_NOT_OWNED');
  });
});

describe('serving /uploads and multipart bodies', () => {
  const planted = `planted-${process.pid}.html`;
  afterAll(() => fs.rmSync(path.join(publicDir, planted), { force: true }));

  it('serves a planted HTML file as a sandboxed, script-less download', async () => {
    fs.writeFileSync(path.join(publicDir, planted), HTML);
    const res = await app.http.get(`/uploads/${planted}`).expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${planted}"`);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
  });

  it('serves images inline with nosniff and the same CSP', async () => {
    const res = await app.http.get(catalogIcon.url).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });

  it.each([
    ['a public route, field photo', '/api/auth/sms/send', 'photo'],
    ['a public route, field files', '/api/auth/local', 'files'],
    ['a member route', '/api/addresses', 'files'],
  ])('answers a multipart POST to %s with 415 and writes no temp file', async (_label, url, field) => {
    const before = tmpEntries();
    const res = await app.http.post(url).set(alice.auth).field('phone', '13800000000').attach(field, PNG, { filename: 'a.png', contentType: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.body.error.details.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await new Promise((r) => setTimeout(r, 50));
    expect(tmpEntries()).toEqual(before);
  });

  it("keeps the admin media library's uploads, with its own type list, and no anonymous parsing", async () => {
    const admin = await createAdminSession(app.strapi, app.http, 'media-ops@test.shangmen', '城市运营');
    const ok = await app.http.post('/upload').set(admin.auth).attach('files', PNG, { filename: 'banner.png', contentType: 'image/png' });
    expect(ok.status).toBe(201);
    expect(ok.body[0]).toMatchObject({ ext: '.png', mime: 'image/png' });
    for (const [bytes, name, type] of [[HTML, 'x.html', 'text/html'], [SVG, 'x.svg', 'image/svg+xml']] as const) {
      const res = await app.http.post('/upload').set(admin.auth).attach('files', bytes, { filename: name, contentType: type });
      expect(res.status).toBe(400);
    }
    const before = tmpEntries();
    const anonymous = await app.http.post('/upload').attach('files', PNG, { filename: 'a.png', contentType: 'image/png' });
    expect(anonymous.status).toBe(401);
    expect(tmpEntries()).toEqual(before);
  });

  it("lets an operator replace or delete only the media library files they uploaded", async () => {
    const owner = await createAdminSession(app.strapi, app.http, 'media-owner@test.shangmen', '城市运营');
    const other = await createAdminSession(app.strapi, app.http, 'media-other@test.shangmen', '城市运营');
    const [mine] = (await app.http.post('/upload').set(owner.auth).attach('files', PNG, { filename: 'cover.png', contentType: 'image/png' }).expect(201)).body;
    const rename = (auth: { Authorization: string }, id: number, name: string) =>
      app.http.post(`/upload?id=${id}`).set(auth).field('fileInfo', JSON.stringify({ name, alternativeText: name, caption: name }));

    // Another operator, and anyone against a file no admin uploaded (the catalog icon), is refused.
    expect((await rename(other.auth, mine.id, 'hijacked.png')).status).toBe(403);
    expect((await rename(other.auth, catalogIcon.id, 'hijacked.png')).status).toBe(403);
    expect((await app.http.delete(`/upload/files/${mine.id}`).set(other.auth)).status).toBe(403);
    expect((await app.http.delete(`/upload/files/${catalogIcon.id}`).set(other.auth)).status).toBe(403);
    expect((await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: catalogIcon.id } })).name).toBe('icon.png');
    expect((await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: mine.id } })).name).toBe('cover.png');

    // The uploader keeps full control of their own file.
    expect((await rename(owner.auth, mine.id, '封面.png')).status).toBe(200);
    expect((await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: mine.id } })).name).toBe('封面.png');
    expect((await app.http.delete(`/upload/files/${mine.id}`).set(owner.auth)).status).toBe(200);
  });

  it('still parses JSON bodies everywhere', async () => {
    const res = await app.http.put('/api/me/profile').set(alice.auth).send({ data: { nickname: '小A' } }).expect(200);
    expect(res.body.data.nickname).toBe('小A');
  });
});
