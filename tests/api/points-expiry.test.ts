import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createMember, type TestUser } from '../helpers/fixtures';

let app: TestApp;
let member: TestUser;
let other: TestUser;
const { clock, fixedClock } = require(`${process.cwd()}/dist/src/runtime/clock`);
const ENTRY_UID = 'api::marketing.points-entry';
const sh = (wall: string) => new Date(`${wall}+08:00`);

const service = () => app.strapi.service('api::marketing.points-expiry') as any;
const points = () => app.strapi.service('api::marketing.points') as any;

/** A ledger entry as the points service posts it, dated `wall` (Shanghai) as if posted then. */
async function postAt(userId: number, wall: string, delta: number, reason: string, ref: string) {
  const entry = await app.strapi.db.transaction(({ trx }) => points().post(trx, userId, { delta, reason, ref }));
  await app.strapi.db.connection('points_entries').where({ id: entry.id }).update({ created_at: sh(wall) });
}

const myPoints = (user: TestUser) => app.http.get('/api/me/points').set(user.auth).expect(200);
const notices = (userId: number) => app.strapi.db.query('api::notify.notification').findMany({ where: { userRef: userId, code: 'points_expiring' } });

beforeAll(async () => {
  app = await bootStrapi();
  member = await createMember(app.strapi);
  other = await createMember(app.strapi);
  await app.strapi.db.query('api::settings.message-template').create({
    data: { code: 'points_expiring', channel: 'in_app', name: '积分即将过期', content: '您有{points}积分将于{date}过期，请尽快使用。', active: true },
  });
  // expireMonths 24 (default): January 2026 expires at the end of January 2028, February's a month later.
  await postAt(member.id, '2026-01-10T10:00:00', 100, 'review', 'test:jan');
  await postAt(member.id, '2026-02-10T10:00:00', 40, 'review', 'test:feb');
  await postAt(member.id, '2026-03-10T10:00:00', -30, 'redeem_gift', 'test:spend');
  await postAt(other.id, '2026-05-10T10:00:00', 10, 'review', 'test:other');
});
afterEach(() => {
  clock.reset();
  jest.restoreAllMocks();
});
afterAll(async () => {
  await app?.close();
});

describe('points expiry', () => {
  it('shows the next bucket to expire on GET /api/me/points: earned less what was spent from it (oldest first)', async () => {
    clock.use(fixedClock(sh('2027-12-01T12:00:00')));
    const res = await myPoints(member);
    expect(res.body.data.balance).toBe(110);
    expect(res.body.data.expiring).toEqual({ points: 70, at: sh('2028-02-01T00:00:00').toISOString() });
  });

  it('sends one notice per bucket within expiryNoticeDays (30), and none again when the job runs again', async () => {
    // 2028-01-01 is 31 days before: too early.
    expect((await service().run(sh('2028-01-01T00:00:00'))).notices).toBe(0);
    const now = sh('2028-01-05T00:00:00');
    const [a, b] = await Promise.all([service().run(now), service().run(now)]);
    expect(a.notices + b.notices).toBe(1);
    expect((await service().run(now)).notices).toBe(0);
    const sent = await notices(member.id);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toBe('您有70积分将于2028-01-31过期，请尽快使用。');
    expect(sent[0].data).toMatchObject({ points: 70, month: '2026-01' });
    expect(await notices(other.id)).toHaveLength(0);
    // The once-only key is bookkeeping, not part of the member's inbox.
    const inbox = await app.http.get('/api/me/notifications').set(member.auth).expect(200);
    expect(JSON.stringify(inbox.body)).not.toContain('points_expiry_notice');
    expect(JSON.stringify(inbox.body)).toContain('您有70积分将于2028-01-31过期');
  });

  it('expires the bucket at midnight after its last day, once even when two runs overlap', async () => {
    expect((await service().run(sh('2028-01-31T23:59:59'))).expired).toBe(0);
    const now = sh('2028-02-01T00:00:00');
    const [a, b] = await Promise.all([service().run(now), service().run(now)]);
    expect(a.points + b.points).toBe(70);
    expect((await service().run(now)).expired).toBe(0);
    const expired = await app.strapi.db.query(ENTRY_UID).findMany({ where: { reason: 'expire' }, populate: { user: { select: ['id'] } } });
    expect(expired.map((e: any) => [e.user.id, e.delta, e.ref])).toEqual([[member.id, -70, `points_expired:${member.id}:2026-01`]]);

    clock.use(fixedClock(now));
    const res = await myPoints(member);
    expect(res.body.data.balance).toBe(40);
    expect(res.body.data.expiring).toEqual({ points: 40, at: sh('2028-03-01T00:00:00').toISOString() });
    expect(res.body.data.entries[0]).toMatchObject({ delta: -70, reason: 'expire', balanceAfter: 40 });
    // February's bucket is now within its 30 days: its own notice, once.
    expect((await notices(member.id)).map((n: any) => n.data.month).sort()).toEqual(['2026-01', '2026-02']);
  });

  it('expires nothing and reports nothing when expireMonths is 0', async () => {
    const settings = app.strapi.service('api::settings.platform-setting') as any;
    const real = await settings.current();
    jest.spyOn(settings, 'current').mockResolvedValue({ ...real, points: { ...real.points, expireMonths: 0 } });
    clock.use(fixedClock(sh('2031-01-01T00:00:00')));
    expect((await myPoints(member)).body.data.expiring).toBeNull();
    expect(await service().run(sh('2031-01-01T00:00:00'))).toEqual({ expired: 0, points: 0, notices: 0, failed: 0 });
    expect(await points().balance(member.id)).toBe(40);
  });
});
