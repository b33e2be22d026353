import type { Command } from 'commander';
import {
  blobReferences,
  type BlobVerifyReport,
  parseAnchor,
  verifyBlobs,
  verifyLog,
} from '@one-window/audit';
import type { EventStore } from '@one-window/event-store';
import { EventStoreStorageError, STORAGE_FAULT_WORDS, storageFault } from '@one-window/event-store';
import { environmentDeps, type ReadSideCliDeps } from './read-side-deps.js';

export interface VerifyOptions {
  readonly json?: boolean;
  /** A line printed by `one-window audit anchor` and kept outside the system. */
  readonly anchor?: string;
}

/**
 * `one-window verify`: reads the whole log from a store opened read-only (a stopped server's
 * DATA_DIR, a read-only copy, or EventStoreDB) and checks it; exit 0 when the log is sound, 1 with
 * every problem listed otherwise. A running server's embedded store: POST /api/admin/verify.
 */
export async function verifyCommand(options: VerifyOptions, deps: ReadSideCliDeps): Promise<number> {
  let anchor;
  try {
    anchor = options.anchor === undefined ? undefined : parseAnchor(options.anchor);
  } catch (error) {
    deps.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  try {
    return await verifyStore(options, anchor, deps);
  } catch (error) {
    // A damaged, unreadable file: the same words the server answers with, in both languages.
    const fault = storageFault(error);
    if (!fault || !hasFaultCode(error)) throw error;
    deps.err(
      `${STORAGE_FAULT_WORDS[fault].en} (${STORAGE_FAULT_WORDS[fault].sqlite}: ${errorMessage(error)})`,
    );
    deps.err(STORAGE_FAULT_WORDS[fault].zh);
    return 1;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hasFaultCode(error: unknown): boolean {
  if (error instanceof EventStoreStorageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_') || /^E[A-Z]+$/.test(code));
}

async function verifyStore(
  options: VerifyOptions,
  anchor: ReturnType<typeof parseAnchor> | undefined,
  deps: ReadSideCliDeps,
): Promise<number> {
  const store = await deps.openStore({ readOnly: true });
  try {
    const report = await verifyLog(store, {
      anchor,
      onProgress: (p) =>
        deps.progress(
          p.phase === 'log'
            ? `reading the log: ${p.events} events, position ${p.position ?? '-'} of ${p.head ?? '-'}`
            : `folding cases: ${p.cases} of ${p.casesTotal}`,
        ),
    });
    deps.progress('');
    const blobs = await checkBlobs(store, deps);
    const sound = report.sound && (blobs?.sound ?? true);
    if (options.json) deps.out(JSON.stringify(blobs ? { ...report, blobs } : report, null, 2));
    else {
      deps.out(
        `${report.events} events in ${report.streams} streams (${report.cases} cases folded), up to position ${report.lastPosition ?? '-'}`,
      );
      deps.out(
        `hash chain: ${report.chained} events checked, ${report.chainBreaks.length} breaks` +
          (report.unchained > 0
            ? `; ${report.unchained} events from before the chain started (position ${report.chainStart})`
            : '') +
          `; anchors: ${report.anchorsChecked} checked, ${report.anchorMismatches.length} mismatched`,
      );
      for (const p of report.problems) deps.err(`problem: ${p.message}`);
      // A damaged or unreadable file: the words the server answers with, in both languages.
      for (const fault of new Set(report.problems.map((p) => storageFault(p.message)))) {
        if (fault) deps.err(`${STORAGE_FAULT_WORDS[fault].en} ${STORAGE_FAULT_WORDS[fault].zh}`);
      }
      if (report.problemsTruncated)
        deps.err(`problem: … and more (only the first ${report.problems.length} are listed)`);
      deps.out(report.sound ? 'the event log is sound' : `${report.problems.length} problem(s) found`);
      if (blobs) {
        deps.out(
          `attached files: ${blobs.referenced} referenced by case events, ${blobs.matched} present and matching their hash`,
        );
        for (const p of blobs.problems) deps.err(`problem: ${p.message}`);
        deps.out(
          blobs.sound ? 'the attached files are sound' : `${blobs.problems.length} file problem(s) found`,
        );
      }
    }
    return sound ? 0 : 1;
  } finally {
    await store.close();
  }
}

/** Every file a case event names, in the blob store and matching its hash (ADR 16); undefined without a blob store. */
async function checkBlobs(store: EventStore, deps: ReadSideCliDeps): Promise<BlobVerifyReport | undefined> {
  if (!deps.openBlobs) return undefined;
  const references = await blobReferences(store);
  // A log without attached files needs no blob store (a read-only copy may have none).
  if (references.size === 0) return { referenced: 0, matched: 0, problems: [], sound: true };
  const blobs = await deps.openBlobs();
  try {
    const report = await verifyBlobs(store, blobs, {
      references,
      onProgress: (checked, total) => deps.progress(`checking attached files: ${checked} of ${total}`),
    });
    deps.progress('');
    return report;
  } finally {
    await blobs.close();
  }
}

export function registerVerify(program: Command, deps: ReadSideCliDeps = environmentDeps): void {
  program
    .command('verify')
    .description(
      'check the whole event log, read-only: positions, revisions, JSON, hash chains, anchors, that every case replays, and that every attached file exists and matches its hash',
    )
    .option('--json', 'print the report as JSON')
    .option(
      '--anchor <line>',
      'also check the log against an anchor kept outside the system (one-window audit anchor)',
    )
    .action(async (options: VerifyOptions) => {
      const code = await verifyCommand(options, deps);
      if (code !== 0) process.exitCode = code;
    });
}
