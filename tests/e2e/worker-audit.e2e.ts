import type { Page } from 'playwright-core';
import { makeIdNumber } from '../../src/runtime/id-number';
import { createCity, createMember } from '../helpers/fixtures';
import { openAdminSession, shot, type AdminSession } from './admin-session';
import { seedWorld } from './seed-world';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let session: AdminSession;
let page: Page;
let applicants: { shanghai: string; beijing: string };

/** Two applicants as they would apply in the app: 陈美玲 in 上海 with a health certificate, 刘桂兰 in 北京. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  applicants = await seedWorld(env, async ({ strapi, http }) => {
    await createCity(strapi, '110100', '北京', [39.9042, 116.4074]);
    const skill = (await strapi.db.query('api::catalog.skill').findOne({ where: { slug: 'housekeeping' } })).documentId;
    const applyAs = async (phone: string, body: Record<string, unknown>, withCertificate: boolean) => {
      const member = await createMember(strapi, { phone });
      const certificates = [];
      const idCardImages = [];
      if (withCertificate) {
        const id = await http.post('/api/me/uploads').set(member.auth).field('purpose', 'application').attach('files', PNG, 'id-front.png');
        idCardImages.push(id.body.data[0].id);
        const up = await http.post('/api/me/uploads').set(member.auth).field('purpose', 'certificate').attach('files', PNG, 'health.png');
        certificates.push({ type: 'health', file: up.body.data[0].id, expiresAt: '2027-06-30' });
      }
      const res = await http.post('/api/workers/apply').set(member.auth).send({ ...body, skills: [{ skill, level: 3 }], experienceYears: 5, certificates, idCardImages });
      if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.data.documentId as string;
    };
    return {
      shanghai: await applyAs('13700000001', { realName: '陈美玲', gender: 'female', city: '310100', idNumber: makeIdNumber('310104', '1985-04-12', 3, 'female') }, true),
      beijing: await applyAs('13700000002', { realName: '刘桂兰', gender: 'female', city: '110100', idNumber: makeIdNumber('110105', '1979-11-30', 1, 'female') }, false),
    };
  });
}

// Seeding, booting the built app and signing in take longer than one test on a busy machine.
beforeAll(async () => {
  session = await openAdminSession({ prepare: seed });
  page = session.page;
}, 240_000);

afterAll(async () => {
  await session?.close();
});

describe('师傅审核', () => {
  it('shows the pending queue, the ID and certificate side by side, and approves with a reason', async () => {
    await page.locator('nav').getByRole('link', { name: '师傅审核' }).click();
    await page.getByRole('heading', { name: '师傅审核' }).waitFor();
    const row = page.locator('tbody tr', { hasText: '陈美玲' });
    await row.waitFor();
    await row.getByText('待审核').waitFor();
    await page.locator('tbody tr', { hasText: '刘桂兰' }).waitFor();
    await shot(page, 'workforce-01-queue');

    await row.click();
    await page.getByText('陈美玲 的入驻资料').waitFor();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('身份证号').waitFor();
    await dialog.getByText(makeIdNumber('310104', '1985-04-12', 3, 'female')).waitFor();
    await dialog.getByText('健康证').first().waitFor();
    await dialog.getByText('有效期至 2027-06-30').waitFor();
    await expect(dialog.locator('img[alt="健康证"]').count()).resolves.toBe(1);
    await expect(dialog.locator('img[alt="身份证人像面"]').count()).resolves.toBe(1);
    await shot(page, 'workforce-02-detail');

    await dialog.getByRole('button', { name: '通过' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('证件核验通过');
    await confirm.getByRole('button', { name: '通过' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText('审核通过').waitFor();
    await dialog.getByText(/证件核验通过/).waitFor();
    await shot(page, 'workforce-03-approved');

    const saved = (await session.adminGet(`/workforce/workers/${applicants.shanghai}`)).data;
    expect(saved.auditStatus).toBe('approved');
    expect(saved.history.map((h: any) => h.decision)).toEqual(['submitted', 'approved']);
  });

  it('rejects with a reason, which lands in the history', async () => {
    await page.reload();
    await page.getByRole('heading', { name: '师傅审核' }).waitFor();
    const row = page.locator('tbody tr', { hasText: '刘桂兰' });
    await row.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '驳回' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('请上传健康证');
    await confirm.getByRole('button', { name: '驳回' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByText(/请上传健康证/).waitFor();
    await shot(page, 'workforce-04-rejected');
    const saved = (await session.adminGet(`/workforce/workers/${applicants.beijing}`)).data;
    expect(saved).toMatchObject({ auditStatus: 'rejected' });
  });
});
