/** The RBAC actions registered by the server (register.ts). */
export const PERMISSIONS = {
  read: [{ action: 'plugin::workforce.read', subject: null }],
  audit: [{ action: 'plugin::workforce.audit', subject: null }],
  manage: [{ action: 'plugin::workforce.manage', subject: null }],
};
