import { EventStoreUnavailableError } from '../port/errors.js';

/** What is wrong with the disk or the file under the embedded store, as an administrator acts on it. */
export type StorageFault = 'disk-full' | 'read-only' | 'corrupt' | 'io-error';

/** The words for each fault, English and Chinese (hall staff and administrators read the latter). */
export const STORAGE_FAULT_WORDS: Readonly<
  Record<StorageFault, { readonly en: string; readonly zh: string; readonly sqlite: string }>
> = {
  'disk-full': {
    sqlite: 'SQLITE_FULL',
    en: 'The disk of the event store is full: nothing was written. Free space on the server, then try again.',
    zh: '事件存储所在的磁盘已满，本次未写入任何内容。请管理员释放磁盘空间后重试。',
  },
  'read-only': {
    sqlite: 'SQLITE_READONLY',
    en: 'The event store file cannot be written (a read-only disk, file or folder): nothing was written.',
    zh: '事件存储文件不可写（磁盘、文件或目录为只读），本次未写入任何内容。请管理员检查磁盘与权限。',
  },
  corrupt: {
    sqlite: 'SQLITE_CORRUPT',
    en: 'The event store file is damaged. Stop the server, run `one-window verify`, and restore the last backup.',
    zh: '事件存储文件已损坏。请管理员停止服务，运行校验命令，并从最近的备份恢复。',
  },
  'io-error': {
    sqlite: 'SQLITE_IOERR',
    en: 'The disk failed to read or write the event store file. Check the disk, then try again.',
    zh: '读写事件存储文件时磁盘出错。请管理员检查磁盘后重试。',
  },
};

const BY_MESSAGE: readonly (readonly [RegExp, StorageFault])[] = [
  [/database or disk is full|SQLITE_FULL|ENOSPC/i, 'disk-full'],
  [/readonly database|read-only file system|SQLITE_READONLY|EROFS/i, 'read-only'],
  [/malformed|not a database|SQLITE_CORRUPT|SQLITE_NOTADB/i, 'corrupt'],
  [/disk I\/O error|SQLITE_IOERR|\bEIO\b/i, 'io-error'],
];

/**
 * The storage fault behind an error from better-sqlite3 or the file system, by its code, or by its
 * message when only that crossed from the writer thread; undefined for anything else.
 */
export function storageFault(error: unknown): StorageFault | undefined {
  if (error instanceof EventStoreStorageError) return error.fault;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk-full';
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io-error';
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

/** The disk or the file fails the store: retryable once an administrator has acted (a 503, never a 500). */
export class EventStoreStorageError extends EventStoreUnavailableError {
  constructor(
    readonly fault: StorageFault,
    context: string,
    options?: { cause?: unknown },
  ) {
    const words = STORAGE_FAULT_WORDS[fault];
    super(`${context}: ${words.en} (${words.sqlite})`, options);
    this.name = 'EventStoreStorageError';
  }

  /** The Chinese words for this fault. */
  get messageZh(): string {
    return STORAGE_FAULT_WORDS[this.fault].zh;
  }
}

/** `error` as an EventStoreStorageError when it is a storage fault, else undefined. */
export function storageError(context: string, error: unknown): EventStoreStorageError | undefined {
  const fault = storageFault(error);
  return fault ? new EventStoreStorageError(fault, context, { cause: error }) : undefined;
}

/**
 * Runs `body` in `BEGIN IMMEDIATE … COMMIT`. SQLite may roll a transaction back by itself on
 * SQLITE_FULL or SQLITE_IOERR; a blind ROLLBACK then throws "cannot rollback - no transaction is
 * active" and hides the real cause (issue 10, defect 5), so it rolls back only a live transaction.
 */
export function inImmediateTransaction<T>(
  db: { exec(sql: string): unknown; readonly inTransaction: boolean },
  body: () => T,
): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = body();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
