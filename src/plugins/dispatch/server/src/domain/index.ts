// The dispatch domain: pure rules, no Strapi, env or clock access; services pass everything in.
export * from './ranges';
export * from './weekly-schedule';
export * from './availability';
export * from './eligibility';
export * from './score';
export * from './assignment';
export * from './dispatch-mode';
export * from './offer-rules';
export * from './best-by-bound';
