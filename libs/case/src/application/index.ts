export * from './case-command-result.js';
export { CaseCommandExecutor, MAX_COMMAND_ATTEMPTS } from './case-command-executor.js';
export { CASE_EVENT_STORE } from './event-store-token.js';
// The injection tokens of the case module's dependencies, every one of them public.
export * from './tokens.js';
export {
  CASE_NUMBER_ALLOCATED,
  caseIdOfNumber,
  caseNumberStream,
  formatCaseNumber,
  type CaseNumberAllocated,
} from './case-numbers.js';
export { loadCase, type LoadedCase } from './case-stream.js';
export { validateCommand } from './validate-command.js';
