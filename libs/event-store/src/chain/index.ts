export { canonicalJson, canonicalStringify } from './canonical-json.js';
export {
  CHAIN_FORM,
  CHAIN_ORIGIN,
  canonicalEvent,
  chainOf,
  chainOfCanonicalText,
  chainOfText,
  type ChainedFields,
} from './event-chain.js';
