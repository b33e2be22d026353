// `@one-window/identity/nest`: users, sign-in and tokens as a Nest module, for the server. The
// identity code itself is `@one-window/identity` and loads no Nest.
export { IdentityModule, TOKEN_POLICY, type IdentityOptions } from './identity.module.js';
