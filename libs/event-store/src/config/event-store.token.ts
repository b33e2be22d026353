/**
 * Nest DI token for the application's EventStore. A plain string, so that a module that only
 * needs the token (`@Inject(EVENT_STORE)`) and a test that provides a store by hand agree on it.
 */
export const EVENT_STORE = 'EVENT_STORE';
