import { chainOf, type RecordedEvent } from '@one-window/event-store';

/**
 * Whether `event.chain` follows from `previous` (the chain of the stream's previous event, null
 * for revision 0 or an unchained predecessor). The embedded store's chain covers its created time
 * and position; EventStoreDB assigns both after the client hashed the event, so its chain leaves
 * them out (null). A chain is accepted in either form: whoever can forge one could forge both.
 */
export function chainHolds(previous: Buffer | null, event: RecordedEvent): boolean {
  if (event.chain === undefined) return false;
  const fields = {
    streamName: event.streamName,
    streamRevision: event.streamRevision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
  const stored = event.chain;
  if (
    chainOf(previous, { ...fields, created: event.created.getTime(), position: event.position }).toString(
      'hex',
    ) === stored
  )
    return true;
  return chainOf(previous, { ...fields, created: null, position: null }).toString('hex') === stored;
}
