export * from './port/types.js';
export * from './port/errors.js';
