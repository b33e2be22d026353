export * from './clock.js';
export * from './actor.js';
export * from './fields.js';
export * from './limits.js';
export * from './id-numbers.js';
export * from './name-uuid.js';
export * from './messages/index.js';
export * from './validation-metadata-cache.js';
