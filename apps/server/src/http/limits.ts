export { CODE_PATTERN, DATE_PATTERN, LIMITS } from '@one-window/shared';
