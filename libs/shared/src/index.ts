export * from './clock.js';
export * from './actor.js';
