export { canonicalJson } from './canonical-json.js';
export {
  CHAIN_FORM,
  CHAIN_ORIGIN,
  canonicalEvent,
  chainOf,
  chainOfText,
  type ChainedFields,
} from './event-chain.js';
