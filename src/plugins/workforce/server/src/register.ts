import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clock, toZonedIso } from '../../../../runtime/clock';
import { checkIdNumber } from '../../../../runtime/id-number';
import { WORKER_UID } from './utils';

/** RBAC actions for 师傅审核: read (queue, files), audit (approve/reject), manage (suspend/reinstate). */
export const WORKFORCE_ACTIONS = [
  { section: 'plugins', displayName: '查看师傅审核', uid: 'read', pluginName: 'workforce' },
  { section: 'plugins', displayName: '审核入驻申请（通过、驳回）', uid: 'audit', pluginName: 'workforce' },
  { section: 'plugins', displayName: '师傅停复岗（暂停、恢复接单）', uid: 'manage', pluginName: 'workforce' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(WORKFORCE_ACTIONS);
  // Every worker write (applications, Content Manager edits, imports) holds a valid GB 11643
  // number or none; the Content Manager would otherwise store any 18 characters.
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid === WORKER_UID && (ctx.action === 'create' || ctx.action === 'update')) {
      const value = ctx.params?.data?.idNumber;
      if (typeof value === 'string' && value.trim() !== '') {
        const check = checkIdNumber(value, toZonedIso(clock.now()).slice(0, 10));
        if (!check.valid) throw new errors.ValidationError(check.message, { code: 'VALIDATION_FAILED', field: 'idNumber' });
        ctx.params.data.idNumber = check.idNumber;
      }
    }
    return next();
  });
};
