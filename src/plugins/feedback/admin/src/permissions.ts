/** The RBAC actions the server registers (src/api/feedback/admin-routes.ts). */
export const PERMISSIONS = {
  ticketsRead: [{ action: 'api::feedback.tickets-read', subject: null }],
  ticketsManage: [{ action: 'api::feedback.tickets-manage', subject: null }],
  reviewsFollowUp: [{ action: 'api::feedback.reviews-follow-up', subject: null }],
  moderate: [{ action: 'api::feedback.moderate', subject: null }],
};

/** The menu link and the page: either half is enough to open 客户反馈. */
export const PAGE_PERMISSIONS = [...PERMISSIONS.ticketsRead, ...PERMISSIONS.reviewsFollowUp];
