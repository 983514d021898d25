import { findRoleId, ROLE_MEMBER, ROLE_WORKER } from '../bootstrap/users-roles';
import { DEMO_PASSWORD, MEMBER, MEMBER_ADDRESSES, MEMBER_COUPONS, MEMBER_POINTS } from './accounts';
import { demoIdNumber } from './id-number';
import { COUPONS } from './marketing';
import { ensureDocument, KeyMap, syncDocument, type SeedContext, type StoredDocument } from './seed-context';
import type { SeedMedia } from './seed-media';
import { WORKERS, workerEmail, workerPhone } from './workers';

const USER_UID = 'plugin::users-permissions.user';
const DAY_MS = 24 * 60 * 60 * 1000;

interface UserSeed {
  email: string;
  username: string;
  nickname: string;
  phone: string;
  roleId: number;
}

/** A confirmed local account; the password is set when the account is created and never reset. */
async function syncUser(ctx: SeedContext, user: UserSeed): Promise<StoredDocument> {
  return syncDocument(
    ctx,
    USER_UID,
    { email: user.email },
    {
      username: user.username,
      email: user.email,
      nickname: user.nickname,
      phone: user.phone,
      provider: 'local',
      confirmed: true,
      role: user.roleId,
    },
    { populate: ['role'], createOnly: { password: DEMO_PASSWORD, blocked: false } },
  );
}

export async function seedMember(ctx: SeedContext, keys: { cities: KeyMap; categories: KeyMap; coupons: KeyMap }, now: Date) {
  const user = await syncUser(ctx, {
    email: MEMBER.email,
    username: MEMBER.username,
    nickname: MEMBER.nickname,
    phone: MEMBER.phone,
    roleId: await findRoleId(ctx.strapi, ROLE_MEMBER),
  });
  const { profile } = MEMBER;

  await syncDocument(
    ctx,
    'api::people.customer-profile',
    { user: { id: user.id } },
    {
      user: user.documentId,
      name: profile.name,
      gender: profile.gender,
      city: keys.cities.get(profile.city),
      note: profile.note,
      preferences: {
        categories: profile.preferences.categories.map((slug) => keys.categories.get(slug)),
        timeWindows: profile.preferences.timeWindows,
        priceMin: profile.preferences.priceMin,
        priceMax: profile.preferences.priceMax,
        workerGender: profile.preferences.workerGender,
      },
    },
    { populate: { user: true, city: true, preferences: { populate: ['categories', 'timeWindows'] } } },
  );

  for (const address of MEMBER_ADDRESSES) {
    await syncDocument(
      ctx,
      'api::people.address',
      { user: { id: user.id }, detail: address.detail },
      { ...address, user: user.documentId, city: keys.cities.get(address.city) },
      { populate: ['user', 'city'] },
    );
  }

  // Grants happen once; afterwards the member's coupons are theirs to use.
  for (const code of MEMBER_COUPONS) {
    const coupon = COUPONS.find((c) => c.code === code);
    if (!coupon) throw new Error(`demo member coupon ${code} is not a seeded coupon`);
    const couponId = keys.coupons.get(code);
    const { created } = await ensureDocument(
      ctx,
      'api::marketing.user-coupon',
      { user: { id: user.id }, coupon: { documentId: couponId } },
      {
        user: user.documentId,
        coupon: couponId,
        couponStatus: 'available',
        source: 'grant',
        grantedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + coupon.validDays * DAY_MS).toISOString(),
      },
    );
    if (created) await incrementIssued(ctx, couponId);
  }

  let balance = 0;
  for (const entry of MEMBER_POINTS) {
    balance += entry.delta;
    await ensureDocument(
      ctx,
      'api::marketing.points-entry',
      { user: { id: user.id }, ref: entry.ref },
      {
        user: user.documentId,
        delta: entry.delta,
        balanceAfter: balance,
        reason: entry.reason,
        ref: entry.ref,
        note: entry.note,
      },
    );
  }
  ctx.log(`member: ${MEMBER.email}, ${MEMBER_ADDRESSES.length} addresses, ${MEMBER_COUPONS.length} coupons, ${balance} points`);
}

async function incrementIssued(ctx: SeedContext, couponDocumentId: string): Promise<void> {
  const query = ctx.strapi.db.query('api::marketing.coupon');
  const coupon = (await query.findOne({ where: { documentId: couponDocumentId }, select: ['id', 'issuedCount'] })) as {
    id: number;
    issuedCount: number | null;
  };
  await query.update({ where: { id: coupon.id }, data: { issuedCount: (coupon.issuedCount ?? 0) + 1 } });
}

export async function seedWorkers(
  ctx: SeedContext,
  media: SeedMedia,
  keys: { cities: KeyMap; skills: KeyMap },
  auditor: string,
): Promise<void> {
  const roleId = await findRoleId(ctx.strapi, ROLE_WORKER);
  for (const worker of WORKERS) {
    const email = workerEmail(worker.n);
    const user = await syncUser(ctx, {
      email,
      username: `worker${worker.n}`,
      nickname: `${worker.realName[0]}${worker.gender === 'female' ? '阿姨' : '师傅'}`,
      phone: workerPhone(worker.n),
      roleId,
    });
    const submittedAt = new Date(Date.parse(worker.approvedAt) - 2 * DAY_MS).toISOString();
    await syncDocument(
      ctx,
      'api::people.worker',
      { user: { id: user.id } },
      {
        user: user.documentId,
        realName: worker.realName,
        idNumber: demoIdNumber(worker.hometownRegion, worker.birthDate, worker.n, worker.gender),
        idVerified: true,
        gender: worker.gender,
        birthYear: Number(worker.birthDate.slice(0, 4)),
        photo: await media.fileId(worker.photo, '师傅头像'),
        bio: worker.bio,
        city: keys.cities.get(worker.city),
        skills: worker.skills.map((s) => ({ skill: keys.skills.get(s.skill), level: s.level })),
        certificates: worker.certificates.map((c) => ({
          type: c.type,
          name: c.name,
          number: c.number,
          issuedAt: c.issuedAt,
          expiresAt: c.expiresAt ?? null,
          verified: true,
        })),
        experienceYears: worker.experienceYears,
        workHistory: worker.workHistory.map((h) => ({
          employer: h.employer,
          role: h.role,
          from: h.from,
          to: h.to ?? null,
          description: h.description,
          verified: true,
        })),
        homeLat: worker.homeLat,
        homeLng: worker.homeLng,
        serviceRadiusMeters: worker.serviceRadiusMeters,
      },
      {
        populate: {
          user: true,
          city: true,
          photo: true,
          skills: { populate: ['skill'] },
          certificates: true,
          workHistory: true,
        },
        // Audit state, employment and rating aggregates change through the app afterwards.
        createOnly: {
          auditStatus: 'approved',
          employment: 'active',
          auditLog: [
            { decision: 'submitted', reason: '提交入驻申请', operator: email, at: submittedAt },
            { decision: 'approved', reason: '身份、证书与工作经历核验通过', operator: auditor, at: worker.approvedAt },
          ],
          rating: worker.rating,
          ratingQuality: worker.ratingQuality,
          ratingAttitude: worker.ratingAttitude,
          ratingSkill: worker.ratingSkill,
          reviewCount: worker.reviewCount,
          // The demo averages as the integer sums reviews add to (feedback/domain/rating.ts).
          ratingSumQuality: Math.round(worker.ratingQuality * worker.reviewCount),
          ratingSumAttitude: Math.round(worker.ratingAttitude * worker.reviewCount),
          ratingSumSkill: Math.round(worker.ratingSkill * worker.reviewCount),
          completedOrders: worker.completedOrders,
        },
      },
    );
  }
  ctx.log(`workers: ${WORKERS.length} (worker1–${WORKERS.length}@demo.shangmen)`);
}
