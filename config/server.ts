import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Behind a load balancer, client IPs (rate limits) come from the proxy's header; only trust it
  // when a trusted proxy sets it. maxIpsCount 1: the address the proxy itself appended (the last),
  // never what the client wrote further left.
  proxy: {
    koa: env.bool('TRUST_PROXY', false),
    ipHeader: env('PROXY_IP_HEADER', 'X-Forwarded-For'),
    maxIpsCount: 1,
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
});
