export { canonicalJson, canonicalStringify } from './canonical-json.js';
export {
  CHAIN_FORM,
  CHAIN_ORIGIN,
  canonicalEvent,
  chainOf,
  chainOfCanonicalText,
  type StreamPlace,
  type ChainedFields,
} from './event-chain.js';
