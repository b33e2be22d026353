// `@one-window/shared/errors`: error bases alone, light enough for the store's writer thread to load.
export * from './field-error.js';
