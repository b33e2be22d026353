export * from './port/types.js';
export * from './port/errors.js';
export * from './port/limits.js';
export * from './port/filter.js';
export * from './port/validation.js';
export * from './embedded/index.js';
export * from './config/index.js';
export * from './read-only/index.js';
