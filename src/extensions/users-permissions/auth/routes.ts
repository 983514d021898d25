/**
 * Public sign-in routes. `prefix: ''` drops the plugin prefix so they sit next to the stock
 * /api/auth/local; `auth: false` because nobody is signed in yet. Abuse is bounded by the
 * per-phone and per-IP limits in the service, not by the users-permissions rate limiter.
 */
export const memberAuthRoutes = [
  { method: 'POST', path: '/auth/sms/send', handler: 'member-auth.smsSend', config: { prefix: '', auth: false } },
  { method: 'POST', path: '/auth/sms/login', handler: 'member-auth.smsLogin', config: { prefix: '', auth: false } },
  { method: 'POST', path: '/auth/wechat/login', handler: 'member-auth.wechatLogin', config: { prefix: '', auth: false } },
] as const;
