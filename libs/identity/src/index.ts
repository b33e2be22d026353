// Who may sign in, and how: users (the `users` stream), passwords, sign-in limits, bearer tokens.
export { USER_ROLES, scopeProblem, type StoredUser, type User, type UserRole } from './users/user.js';
export { USERS_STREAM, type UserEvent } from './users/user-events.js';
export { UserInputError, UsersStore, publicUser, type NewUser } from './users/users.store.js';
export { DEMO_USERS } from './users/demo-users.js';
export { hashPassword, passwordProblem, verifyPassword, verifyPasswordOf } from './sign-in/password.js';
export {
  DEFAULT_SIGN_IN_LIMITS,
  SignInLimiter,
  type SignInAttempt,
  type SignInBlock,
  type SignInDecision,
  type SignInLimits,
  userKey,
} from './sign-in/sign-in-limiter.js';
export {
  SIGN_IN_THROTTLE_STREAM,
  SharedSignInThrottle,
  THROTTLED,
  type SharedThrottleOptions,
  type ThrottledData,
} from './sign-in/shared-sign-in-throttle.js';
export {
  TokenKeys,
  actorOf,
  issueToken,
  verifyToken,
  type SigningKey,
  type TokenCheck,
  type TokenClaims,
  type TokenPolicy,
} from './tokens/token.js';
