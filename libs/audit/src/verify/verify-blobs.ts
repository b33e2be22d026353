import { createHash } from 'node:crypto';
import { BlobNotFoundError, type BlobStore } from '@one-window/blob-store';
import type { EventStore, RecordedEvent } from '@one-window/event-store';

/** Where an event names a file: the first event that attached it. */
export interface BlobReference {
  readonly sha256: string;
  readonly size: number;
  readonly streamName: string;
  readonly position: number;
  /** The case (its stream without `case-`) and the material code the first reference attached it to. */
  readonly caseId: string;
  readonly material: string;
}

export interface BlobProblem extends BlobReference {
  readonly kind: 'missing' | 'mismatched' | 'unreadable';
  readonly message: string;
}

export interface BlobVerifyReport {
  /** Distinct hashes the case events name. */
  readonly referenced: number;
  /** Of those, read whole and hashed to their name. */
  readonly matched: number;
  readonly problems: readonly BlobProblem[];
  readonly sound: boolean;
}

const PAGE = 1000;

/** One file a case event names: the event, the material's code, the file's hash and size. */
export interface FileMention {
  readonly event: RecordedEvent;
  readonly material: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Walks the case events from `from` (inclusive) to the end of the log, calling `visit` for each
 * file their materials name (`materials[].files[]`, ADR 16); answers the position to read on from.
 */
export async function forEachFileMention(
  store: EventStore,
  from: number | 'start',
  visit: (mention: FileMention) => void,
): Promise<number | 'start'> {
  let next = from;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({
      fromPosition: next,
      maxCount: PAGE,
      filter: { streamNamePrefixes: ['case-'] },
    });
    for (const event of page) {
      const materials = (event.data as { materials?: unknown } | null)?.materials;
      if (!Array.isArray(materials)) continue;
      for (const material of materials as {
        code?: unknown;
        files?: { sha256?: unknown; size?: unknown }[];
      }[]) {
        for (const file of material?.files ?? []) {
          if (typeof file?.sha256 !== 'string') continue;
          visit({
            event,
            material: typeof material.code === 'string' ? material.code : '',
            sha256: file.sha256,
            size: typeof file.size === 'number' ? file.size : -1,
          });
        }
      }
    }
    if (page.length > 0) next = page[page.length - 1].position + 1;
    if (page.length < PAGE) return next;
  }
}

/** The files each event of a case names (materials[].files[], ADR 16), first reference first. */
export async function blobReferences(store: EventStore): Promise<Map<string, BlobReference>> {
  const found = new Map<string, BlobReference>();
  await forEachFileMention(store, 'start', ({ event, material, sha256, size }) => {
    if (found.has(sha256)) return;
    found.set(sha256, {
      sha256,
      size,
      streamName: event.streamName,
      position: event.position,
      caseId: event.streamName.slice('case-'.length),
      material,
    });
  });
  return found;
}

async function contentHash(blobs: BlobStore, sha256: string): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await blobs.get(sha256)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash: hash.digest('hex'), size };
}

/**
 * Every file a case event names exists in the blob store, and its bytes still hash to its name
 * (and have the size the event recorded): the files are as tamper-evident as the log (ADR 16).
 * Files are read one at a time, streamed.
 */
export async function verifyBlobs(
  store: EventStore,
  blobs: BlobStore,
  options: {
    onProgress?: (checked: number, total: number) => void;
    /** The references, when the caller has read them already (blobReferences). */
    references?: Map<string, BlobReference>;
  } = {},
): Promise<BlobVerifyReport> {
  const references = options.references ?? (await blobReferences(store));
  const problems: BlobProblem[] = [];
  let matched = 0;
  let checked = 0;
  for (const ref of references.values()) {
    const at = `named by ${ref.streamName} at position ${ref.position}`;
    try {
      const { hash, size } = await contentHash(blobs, ref.sha256);
      if (hash !== ref.sha256)
        problems.push({
          ...ref,
          kind: 'mismatched',
          message: `file ${ref.sha256} (${at}) has changed: its content hashes to ${hash}`,
        });
      else if (ref.size >= 0 && size !== ref.size)
        problems.push({
          ...ref,
          kind: 'mismatched',
          message: `file ${ref.sha256} (${at}) has ${size} bytes, the event recorded ${ref.size}`,
        });
      else matched++;
    } catch (error) {
      const missing = error instanceof BlobNotFoundError;
      problems.push({
        ...ref,
        kind: missing ? 'missing' : 'unreadable',
        message: missing
          ? `file ${ref.sha256} (${at}) is not in the blob store`
          : `file ${ref.sha256} (${at}) cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    options.onProgress?.(++checked, references.size);
  }
  return { referenced: references.size, matched, problems, sound: problems.length === 0 };
}
