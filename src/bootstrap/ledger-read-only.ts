import type { Core } from '@strapi/strapi';

/**
 * Money records are written only by the services that post them (one transaction, balanced
 * entries); corrections are reversing entries. The admin content manager must never create,
 * edit or delete them, for any role — the super admin included, whose permissions Strapi resets
 * to "everything" on each boot. So: the write permissions are stripped from every role, and a
 * guard in front of the content-manager routes refuses writes whatever the permissions say.
 */
export const LEDGER_UIDS = ['plugin::settlement.journal-entry', 'plugin::settlement.journal-line', 'plugin::settlement.worker-earning', 'plugin::settlement.settlement-batch', 'plugin::settlement.settlement-statement', 'plugin::settlement.settlement-payout', 'plugin::payments.payment', 'plugin::payments.refund'];

const WRITE_ACTIONS = [
  'plugin::content-manager.explorer.create',
  'plugin::content-manager.explorer.update',
  'plugin::content-manager.explorer.delete',
  'plugin::content-manager.explorer.publish',
];

const CONTENT_MANAGER_WRITE = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/;

export function isLedgerWrite(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  const match = CONTENT_MANAGER_WRITE.exec(path);
  if (!match) return false;
  let model = match[1];
  try {
    model = decodeURIComponent(model);
  } catch {
    return true; // a model name we cannot read is not one we let through
  }
  return LEDGER_UIDS.includes(model);
}

export function registerLedgerReadOnly(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx: any, next: () => Promise<void>) => {
    if (!isLedgerWrite(ctx.method, ctx.path)) return next();
    ctx.status = 403;
    ctx.body = {
      data: null,
      error: { status: 403, name: 'ForbiddenError', message: '账务与支付记录只读，更正请做冲正凭证', details: { code: 'FORBIDDEN' } },
    };
  });
}

/** Removes content-manager write permissions on the money records from every admin role. */
export async function stripLedgerWritePermissions(strapi: Core.Strapi): Promise<number> {
  const { count } = await strapi.db.query('admin::permission').deleteMany({
    where: { subject: { $in: LEDGER_UIDS }, action: { $in: WRITE_ACTIONS } },
  });
  return count;
}
