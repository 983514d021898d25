export * from './eta';
export * from './ping-rules';
