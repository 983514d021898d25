/** The RBAC actions registered by the server (register.ts): reading the monitor, and acting on orders. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::orders.read', subject: null }],
  manage: [{ action: 'plugin::orders.manage', subject: null }],
};
