import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { verifyLog } from '@one-window/audit';
import {
  backupEventStoreFile,
  EVENTS_FILE_NAME,
  lockHeld,
  ReadOnlyEventStore,
} from '@one-window/event-store';
import { READ_MODELS_FILE } from '@one-window/read-models';

export interface BackupDeps {
  /** The DATA_DIR the server uses. */
  readonly dataDir: string;
  out(line: string): void;
  err(line: string): void;
}

const environment = (): BackupDeps => ({
  dataDir: process.env.DATA_DIR ?? './data',
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

/** `one-window backup <dir>`: a consistent copy of the event log while the server runs, verified after writing. */
export async function backupCommand(dir: string, deps: BackupDeps): Promise<number> {
  const destination = resolve(dir, EVENTS_FILE_NAME);
  const { pages } = await backupEventStoreFile(resolve(deps.dataDir, EVENTS_FILE_NAME), destination);
  deps.out(`backed up ${pages} pages to ${destination}`);
  if (!(await verifyFile(destination, deps))) {
    deps.err('the backup does not verify: keep the previous backup');
    return 1;
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
  for (const f of [target, `${target}-wal`, `${target}-shm`, join(deps.dataDir, READ_MODELS_FILE)])
    rmSync(f, { force: true });
  rmSync(join(deps.dataDir, `${READ_MODELS_FILE}-wal`), { force: true });
  rmSync(join(deps.dataDir, `${READ_MODELS_FILE}-shm`), { force: true });
  copyFileSync(source, target);
  deps.out(`restored ${target}; the read models are rebuilt when the server starts`);
  return 0;
}

export function registerBackup(program: Command, deps: () => BackupDeps = environment): void {
  program
    .command('backup <dir>')
    .description(
      "copy the event log into <dir> while the server runs (SQLite's online backup), then verify the copy",
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
