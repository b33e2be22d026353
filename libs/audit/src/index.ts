export {
  verifyLog,
  type VerifyOptions,
  type VerifyProblem,
  type VerifyProgress,
  type VerifyReport,
} from './verify/verify-log.js';
