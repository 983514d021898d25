// The orders domain: pure rules with no Strapi, env or clock access; services pass everything in.
export * from './order-status';
export * from './coupon-rules';
export * from './pricing';
export * from './cancellation';
export * from './booking-time';
export * from './recurrence';
export * from './order-no';
export * from './exceptions';
export * from './balance';
export * from './duration';
export * from './worker-steps';
export * from './idempotency';
export * from './date-filter';
export * from './evidence';
export * from './confirmation';
