import { OPERATORS } from './accounts';
import { KeyMap, syncDocument, type SeedContext } from './seed-context';

const ADMIN_USER_UID = 'admin::user';

export interface AdminAccount {
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
}

interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
}

async function ensureAdminUser(ctx: SeedContext, account: AdminAccount, roleId: number): Promise<void> {
  const existing = await ctx.strapi.db.query(ADMIN_USER_UID).findOne({ where: { email: account.email } });
  if (existing) return;
  await (ctx.strapi.service('admin::user') as unknown as AdminUserService).create({
    email: account.email,
    firstname: account.firstname,
    lastname: account.lastname,
    password: account.password,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
    preferedLanguage: 'zh-Hans',
  });
  ctx.changes.created += 1;
}

/**
 * The super admin plus 客服 / 财务 / 城市运营 demo staff (same password as the admin). Staff
 * whose admin role does not exist yet are skipped with a note; passwords are never reset.
 */
export async function seedAdmins(ctx: SeedContext, admin: AdminAccount, cities: KeyMap): Promise<void> {
  const superAdmin = await (ctx.strapi.service('admin::role') as unknown as AdminRoleService).getSuperAdmin();
  if (!superAdmin) throw new Error('the admin super admin role is missing; the admin plugin did not bootstrap');
  await ensureAdminUser(ctx, admin, superAdmin.id);

  let staff = 0;
  for (const operator of OPERATORS) {
    const role = (await ctx.strapi.db.query('admin::role').findOne({ where: { name: operator.roleName } })) as {
      id: number;
    } | null;
    if (!role) {
      const note = `admin ${operator.email}: role ${operator.roleName} does not exist`;
      ctx.skipped.push(note);
      ctx.log(`skipped ${note}`);
      continue;
    }
    await ensureAdminUser(
      ctx,
      { email: operator.email, password: admin.password, firstname: operator.firstname, lastname: operator.lastname },
      role.id,
    );
    staff += 1;
    if (operator.cities) {
      await syncDocument(
        ctx,
        'api::settings.city-operator',
        { adminEmail: operator.email },
        {
          adminEmail: operator.email,
          cities: operator.cities.map((adcode) => cities.get(adcode)),
          note: `演示账号：${operator.firstname}${operator.lastname}`,
        },
        { populate: ['cities'] },
      );
    }
  }
  ctx.log(`admins: ${admin.email} and ${staff} staff accounts`);
}
