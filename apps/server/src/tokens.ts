/** DI tokens of the server's own providers. */
export const SERVER_CONFIG = Symbol('SERVER_CONFIG');
export const CLOCK = Symbol('CLOCK');
export const LOGGER = Symbol('LOGGER');
/** The blob store of attached files (ADR 16), opened from BLOB_STORE_URL. */
export const BLOB_STORE = Symbol('BLOB_STORE');
