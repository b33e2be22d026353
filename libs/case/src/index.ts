export * from './events.js';
export * from './commands.js';
export {
  caseMachine,
  type CaseMachine,
  type CaseStateMeta,
  type CaseStateTag,
  type CaseStateTone,
} from './domain/case.machine.js';
export {
  acceptedCommands,
  CASE_STATUS_INFO,
  statusesAccepting,
  type CaseStatusInfo,
} from './domain/state-meta.js';
export * from './domain/case-state.js';
export { recordedStatus, type RecordedStatus } from './domain/recorded-status.js';
export * from './domain/context.js';
export { decide, isTimerCommand } from './domain/decide.js';
export { allowedCommands, type AllowedCommand } from './domain/allowed-commands.js';
export { type DecideContext } from './domain/decide-context.js';
export { type NamedStaff, type StaffDirectory, type StaffMember } from './domain/staff.js';
export * from './domain/errors.js';
export type { CaseCalendar } from './domain/calendar.js';
export { DEFAULT_CASE_POLICY, type CasePolicy } from './domain/policy.js';
export { RATING_CHANNELS, RATING_STAGES, isBadRating } from './domain/decide-rating.js';
export { SPECIAL_PROCEDURE_KINDS } from './domain/decide-back-office.js';
export { stillMissing, toCaseGuide } from './domain/guide-snapshot.js';
export { deficiencySupplyWindow } from './domain/decide-front-desk.js';
export {
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  drawQueryCode,
  normalizeQueryCode,
  type RandomIndex,
} from './domain/query-code.js';
export * from './notices/index.js';
export * from './application/index.js';
export * from './registry/index.js';
export * from './slices/index.js';
