import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { verifyBlobs, verifyLog } from '@one-window/audit';
import { type BlobStore, createBlobStore, FsBlobStore } from '@one-window/blob-store';
import {
  backupEventStoreFile,
  EVENTS_FILE_NAME,
  lockHeld,
  ReadOnlyEventStore,
} from '@one-window/event-store';
import { READ_MODELS_FILE, TIMER_ATTEMPTS_FILE } from '@one-window/read-models';
import { type CliConfig, cliConfig } from '../config.js';

export interface BackupDeps {
  /** The DATA_DIR the server uses. */
  readonly dataDir: string;
  /** BLOB_STORE_URL: where the attached files are (DATA_DIR/blobs by default, ADR 16). */
  readonly blobStoreUrl?: string;
  out(line: string): void;
  err(line: string): void;
}

/** The folders of the CLI's one configuration (DATA_DIR, BLOB_STORE_URL, checked at start). */
export const backupDeps = (config: CliConfig = cliConfig()): BackupDeps => ({
  dataDir: config.dataDir ?? './data',
  blobStoreUrl: config.blobStoreUrl,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});

async function verifyFile(file: string, deps: BackupDeps): Promise<boolean> {
  const store = ReadOnlyEventStore.open({ file });
  try {
    const report = await verifyLog(store);
    deps.out(
      `${report.events} events in ${report.streams} streams, ${report.chainBreaks.length} chain breaks`,
    );
    for (const p of report.problems) deps.err(`problem: ${p.message}`);
    return report.sound;
  } finally {
    await store.close();
  }
}

/** Copies every file of `from` that `to` lacks, each checked against its name as it is written. */
async function copyBlobs(from: BlobStore, to: BlobStore, deps: BackupDeps): Promise<boolean> {
  let copied = 0;
  let present = 0;
  let sound = true;
  for await (const sha256 of from.list()) {
    if (await to.has(sha256)) {
      present++;
      continue;
    }
    const info = await to.put(await from.get(sha256), { maxBytes: Number.MAX_SAFE_INTEGER });
    if (info.sha256 !== sha256) {
      deps.err(`problem: file ${sha256} has changed in the blob store: its content hashes to ${info.sha256}`);
      sound = false;
    }
    copied++;
  }
  deps.out(`attached files: ${copied} copied, ${present} already there`);
  return sound;
}

/** Every file the events of the log `file` name is in `blobs` and matches its hash. */
async function verifyFileBlobs(file: string, blobs: BlobStore, deps: BackupDeps): Promise<boolean> {
  const store = ReadOnlyEventStore.open({ file });
  try {
    const report = await verifyBlobs(store, blobs);
    deps.out(`${report.referenced} attached files referenced, ${report.matched} present and matching`);
    for (const p of report.problems) deps.err(`problem: ${p.message}`);
    return report.sound;
  } finally {
    await store.close();
  }
}

/**
 * `one-window backup <dir>`: a consistent copy of the event log while the server runs, then the
 * attached files into `<dir>/blobs` (after the log: every file its events name was stored before
 * the event, ADR 16), each verified after writing.
 */
export async function backupCommand(dir: string, deps: BackupDeps): Promise<number> {
  const destination = resolve(dir, EVENTS_FILE_NAME);
  const { pages } = await backupEventStoreFile(resolve(deps.dataDir, EVENTS_FILE_NAME), destination);
  deps.out(`backed up ${pages} pages to ${destination}`);
  if (!(await verifyFile(destination, deps))) {
    deps.err('the backup does not verify: keep the previous backup');
    return 1;
  }
  const source = await createBlobStore(deps.blobStoreUrl, deps.dataDir);
  const copy = await FsBlobStore.open(resolve(dir));
  try {
    const copied = await copyBlobs(source, copy, deps);
    if (!copied || !(await verifyFileBlobs(destination, copy, deps))) {
      deps.err('the backup of the attached files does not verify: keep the previous backup');
      return 1;
    }
  } finally {
    await Promise.all([source.close(), copy.close()]);
  }
  deps.out('the backup verifies');
  return 0;
}

/**
 * `one-window restore <dir>`: puts a verified backup back as DATA_DIR's event log, with the server
 * stopped. The read models are removed: the server rebuilds them from the log when it starts.
 */
export async function restoreCommand(
  dir: string,
  options: { force?: boolean },
  deps: BackupDeps,
): Promise<number> {
  const source = resolve(dir, EVENTS_FILE_NAME);
  const target = resolve(deps.dataDir, EVENTS_FILE_NAME);
  if (!existsSync(source)) {
    deps.err(`there is no ${EVENTS_FILE_NAME} in ${dir}`);
    return 1;
  }
  if (lockHeld(target)) {
    deps.err(`${target} is in use by a running server; stop it first`);
    return 1;
  }
  if (existsSync(target) && !options.force) {
    deps.err(`${target} exists; pass --force to replace it with the backup`);
    return 1;
  }
  if (!(await verifyFile(source, deps))) {
    deps.err('the backup does not verify; nothing was restored');
    return 1;
  }
  mkdirSync(deps.dataDir, { recursive: true });
  // The read models and the timers' bookkeeping are of the log being replaced: rebuilt and kept anew
  // (a timer marked sent whose command the restored log lacks would otherwise never fire again).
  const rebuilt = [READ_MODELS_FILE, TIMER_ATTEMPTS_FILE].map((file) => join(deps.dataDir, file));
  for (const path of [target, ...rebuilt])
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(source, target);
  if (existsSync(join(resolve(dir), 'blobs'))) {
    const from = await FsBlobStore.open(resolve(dir));
    const to = await createBlobStore(deps.blobStoreUrl, deps.dataDir);
    try {
      if (!(await copyBlobs(from, to, deps))) return 1;
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
  }
  deps.out(`restored ${target}; the read models are rebuilt when the server starts`);
  return 0;
}

export function registerBackup(program: Command, deps: () => BackupDeps = backupDeps): void {
  program
    .command('backup <dir>')
    .description(
      "copy the event log into <dir> while the server runs (SQLite's online backup) and the attached files into <dir>/blobs, then verify the copy",
    )
    .action(async (dir: string) => {
      const code = await backupCommand(dir, deps());
      if (code !== 0) process.exitCode = code;
    });
  program
    .command('restore <dir>')
    .description(
      'put a verified backup back as DATA_DIR’s event log (server stopped); read models are rebuilt',
    )
    .option('--force', 'replace an existing event log')
    .action(async (dir: string, options: { force?: boolean }) => {
      const code = await restoreCommand(dir, options, deps());
      if (code !== 0) process.exitCode = code;
    });
}
