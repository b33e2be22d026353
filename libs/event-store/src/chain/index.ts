export { canonicalJson, canonicalStringify } from './canonical-json.js';
export {
  CHAIN_FORM,
  CHAIN_ORIGIN,
  canonicalEvent,
  chainOf,
  chainOfCanonicalText,
  chainOfText,
  type StreamPlace,
  type TextChain,
  type ChainedFields,
} from './event-chain.js';
