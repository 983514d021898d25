import { unauthenticated } from '../../../../../runtime/errors';

export interface ContentCtx {
  state: { user?: { id?: number } };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  status: number;
}

/** The signed-in member or worker (users-permissions user id). */
export function userId(ctx: ContentCtx): number {
  const id = ctx.state.user?.id;
  if (!id) throw unauthenticated();
  return id;
}
