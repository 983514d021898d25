/** The RBAC actions registered by the server (register.ts). */
export const PERMISSIONS = {
  read: [{ action: 'plugin::dispatch.read', subject: null }],
  manage: [{ action: 'plugin::dispatch.manage', subject: null }],
};
