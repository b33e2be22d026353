export {
  verifyLog,
  type AnchorMismatch,
  type ChainBreak,
  type VerifyOptions,
  type VerifyProblem,
  type VerifyProgress,
  type VerifyReport,
} from './verify/verify-log.js';
export { chainHolds } from './verify/chain-check.js';
export {
  ANCHORED,
  AUDIT_STREAM,
  CHAIN_STARTED,
  AnchorFormatError,
  formatAnchor,
  isAnchoredData,
  parseAnchor,
  type AnchoredData,
} from './anchor/anchor.js';
export { ChainHeads } from './anchor/chain-heads.js';
export { leafHash, merkleRoot, type StreamHead } from './anchor/merkle.js';
export { Anchorer, type AnchorerOptions } from './anchor/anchorer.js';
export {
  blobReferences,
  forEachFileMention,
  type FileMention,
  verifyBlobs,
  type BlobProblem,
  type BlobReference,
  type BlobVerifyReport,
} from './verify/verify-blobs.js';
