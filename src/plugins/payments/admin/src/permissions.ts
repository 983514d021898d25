/** The RBAC actions registered by the server (server/src/register.ts): reading 支付流水, and refunding. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::payments.read', subject: null }],
  refund: [{ action: 'plugin::payments.refund', subject: null }],
};
