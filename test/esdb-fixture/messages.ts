/** Builders and readers for the wire messages, shared by the fixture's handlers. */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { LogRecord } from './in-memory-log.js';
import { sharedPb, streamsPb, type ReadResp, type Uuid } from './proto.js';

export function streamNameOf(identifier: { getStreamName_asU8(): Uint8Array } | undefined): string {
  if (!identifier) throw serviceError(status.INVALID_ARGUMENT, 'stream identifier is required');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(streamName: string): InstanceType<typeof sharedPb.StreamIdentifier> {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
}

/** Reads either UUID form; EventStoreDB accepts both. */
export function uuidToString(uuid: Uuid | undefined): string {
  if (!uuid) throw serviceError(status.INVALID_ARGUMENT, 'event id is required');
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const hex =
      BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
      BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const text = uuid.getString().toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text)) {
    throw serviceError(status.INVALID_ARGUMENT, `"${uuid.getString()}" is not a UUID`);
  }
  return text;
}

export function uuidMessage(id: string, structured: boolean): Uuid {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replaceAll('-', '');
  const parts = new sharedPb.UUID.Structured()
    .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
    .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
  return uuid.setStructured(parts);
}

/** A ReadResp carrying one event, positions filled in as EventStoreDB 22.6+ does for stream and $all reads. */
export function eventResponse(record: LogRecord, structuredIds: boolean): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(record.streamName))
    .setStreamRevision(String(record.revision))
    .setPreparePosition(String(record.position))
    .setCommitPosition(String(record.position))
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.createdTicks.toString());
  const readEvent = new streamsPb.ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(String(record.position));
  return new streamsPb.ReadResp().setEvent(readEvent);
}

export function checkpointResponse(position: number): ReadResp {
  const checkpoint = new streamsPb.ReadResp.Checkpoint()
    .setCommitPosition(String(position))
    .setPreparePosition(String(position));
  return new streamsPb.ReadResp().setCheckpoint(checkpoint);
}

export function serviceError(code: status, details: string, metadata = new Metadata()): ServiceError {
  return Object.assign(new Error(details), { code, details, metadata });
}

/** An error EventStoreDB raises with its `exception` trailer, which the client maps to a typed error. */
export function exceptionError(
  code: status,
  exception: string,
  details: string,
  trailers: Record<string, string> = {},
) {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return serviceError(code, details, metadata);
}
