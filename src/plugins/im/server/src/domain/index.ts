export * from './mask';
export * from './messages';
export * from './seats';
