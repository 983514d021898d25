import { roleFlags, withRoleFlagsOnMe } from '../../../src/extensions/users-permissions/auth/me';

describe('/users/me role flags', () => {
  it('should flag workers by role type', () => {
    expect(roleFlags('worker')).toEqual({ roleType: 'worker', isWorker: true });
    expect(roleFlags('authenticated')).toEqual({ roleType: 'authenticated', isWorker: false });
    expect(roleFlags(undefined)).toEqual({ roleType: null, isWorker: false });
  });

  it('should add the flags to what the stock me answered and keep the other actions', async () => {
    const find = jest.fn();
    const stock = {
      me: async (ctx: { body: unknown }) => {
        ctx.body = { id: 1, username: 'm13800138000', phone: '13800138000' };
      },
      find,
    };
    const controller = (withRoleFlagsOnMe(stock) as (deps: { strapi: unknown }) => Record<string, any>)({ strapi: {} });
    const ctx = { state: { user: { role: { type: 'worker' } } }, body: undefined as unknown };
    await controller.me(ctx);
    expect(ctx.body).toEqual({ id: 1, username: 'm13800138000', phone: '13800138000', roleType: 'worker', isWorker: true });
    expect(controller.find).toBe(find);
  });

  it('should leave an error answer of the stock me alone', async () => {
    const stock = { me: async () => undefined };
    const controller = (withRoleFlagsOnMe(stock) as (deps: { strapi: unknown }) => Record<string, any>)({ strapi: {} });
    const ctx = { state: {}, body: undefined as unknown };
    await controller.me(ctx);
    expect(ctx.body).toBeUndefined();
  });
});
