/** DI tokens of the server's own providers. */
export const SERVER_CONFIG = Symbol('SERVER_CONFIG');
export const CLOCK = Symbol('CLOCK');
export const LOGGER = Symbol('LOGGER');
