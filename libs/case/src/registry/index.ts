export * from './command-definition.js';
export * from './registry.js';
export * from './parts.schemas.js';
export * from './front-desk.commands.js';
export * from './back-office.commands.js';
export * from './delivery.commands.js';
export * from './timer.commands.js';
export * from './command-catalog.js';
