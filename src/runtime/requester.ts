import { unauthenticated } from './errors';

/** The parts of a content-API Koa context our controllers read and write. */
export interface ContentCtx {
  state: { user?: { id?: number } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

/** The signed-in member or worker (users-permissions user id); 401 when nobody is signed in. */
export function userId(ctx: { state: { user?: { id?: number } } }): number {
  const id = ctx.state.user?.id;
  if (!id) throw unauthenticated();
  return id;
}
