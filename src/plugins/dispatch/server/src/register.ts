import type { Core } from '@strapi/strapi';
import { getService, WORKER_UID } from './utils';

/** RBAC actions for the 调度台: read (board, candidates, timelines) and manage (assign, schedules, alerts). */
export const DISPATCH_ACTIONS = [
  { section: 'plugins', displayName: '查看调度台', uid: 'read', pluginName: 'dispatch' },
  { section: 'plugins', displayName: '调度操作（指派师傅、修改排班、处理提醒）', uid: 'manage', pluginName: 'dispatch' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(DISPATCH_ACTIONS);
  // Schedules edited in the Content Manager obey the same rules as /api/me/schedule.
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid === WORKER_UID && (ctx.action === 'update' || ctx.action === 'create')) {
      await getService(strapi, 'schedule').checkDocumentWrite(ctx.params?.documentId, ctx.params?.data ?? {});
    }
    return next();
  });
};
