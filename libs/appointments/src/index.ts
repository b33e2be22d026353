export * from './slots.js';
export * from './events.js';
export * from './hall-day.js';
export * from './decide.js';
