import { ROLE_WORKER } from '../../../bootstrap/users-roles';

interface MeContext {
  state: { user?: { role?: { type?: string } | null } };
  body: unknown;
}

type Action = (ctx: MeContext, ...rest: unknown[]) => unknown;
export type ControllerFactory = ((deps: { strapi: unknown }) => Record<string, Action>) | Record<string, Action>;

/** What /api/users/me adds to the stock profile so clients can pick the member or worker app. */
export function roleFlags(roleType: string | undefined | null): { roleType: string | null; isWorker: boolean } {
  return { roleType: roleType ?? null, isWorker: roleType === ROLE_WORKER };
}

/**
 * Wraps the stock `user` controller: `me` answers as before (sanitized, private fields
 * removed) plus `roleType` and `isWorker`, taken from the role the authenticated user was
 * loaded with.
 */
export function withRoleFlagsOnMe(base: ControllerFactory): ControllerFactory {
  return (deps: { strapi: unknown }) => {
    const controller = typeof base === 'function' ? base(deps) : base;
    return {
      ...controller,
      async me(ctx: MeContext, ...rest: unknown[]) {
        await controller.me(ctx, ...rest);
        if (ctx.body && typeof ctx.body === 'object' && ctx.state.user) {
          ctx.body = { ...(ctx.body as Record<string, unknown>), ...roleFlags(ctx.state.user.role?.type) };
        }
      },
    };
  };
}
