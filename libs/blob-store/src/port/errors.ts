import { ACCEPTED_TYPES_EN, ACCEPTED_TYPES_ZH } from './sniff.js';

/**
 * Base of every error the blob store raises. `code` is a literal the HTTP layer switches on and,
 * with `params`, words a problem from the message catalog (ADR 15); `message` is in English,
 * `messageZh` in Chinese (hall staff read the latter), for logs and the CLI.
 */
export abstract class BlobStoreError extends Error {
  abstract readonly code: string;
  abstract readonly messageZh: string;
  abstract readonly params: Readonly<Record<string, string | number>>;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Each kind is named by its class (BlobTooLargeError, …) in logs and stack traces.
    this.name = new.target.name;
  }
}

/** The content crossed `maxBytes`: refused at the first byte beyond it, nothing kept. */
export class BlobTooLargeError extends BlobStoreError {
  readonly code = 'blob-too-large' as const;
  readonly messageZh: string;
  readonly params: { readonly maxBytes: number };
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${formatBytes(maxBytes)}: refused, nothing was stored.`);
    this.messageZh = `文件超过 ${formatBytes(maxBytes)} 的大小上限，已拒收，未保存任何内容。`;
    this.params = { maxBytes };
  }
}

/** The first bytes are not those of an accepted type (the name of a file is never trusted). */
export class BlobTypeRefusedError extends BlobStoreError {
  readonly code = 'blob-type-refused' as const;
  readonly params: { readonly head: string };
  readonly rule = `accepted types, by their first bytes: ${ACCEPTED_TYPES_EN}`;
  readonly messageZh: string;
  /** `head` is the first bytes seen, in hex (at most 8). */
  constructor(readonly head: string) {
    super(
      `The file is not a PDF, JPEG or PNG by its content (first bytes ${head || 'none: empty'}): ` +
        `refused, nothing was stored. Rule: ${ACCEPTED_TYPES_EN}.`,
    );
    this.messageZh = `文件内容不是 PDF、JPEG 或 PNG 格式（按文件开头字节判断，不看文件名），已拒收，未保存任何内容。规则：${ACCEPTED_TYPES_ZH}。`;
    this.params = { head };
  }
}

/** The content stream failed or ended early (the uploader went away): nothing kept. */
export class BlobUploadAbortedError extends BlobStoreError {
  readonly code = 'blob-upload-aborted' as const;
  readonly params = {};
  readonly messageZh = '文件上传中断，未保存任何内容。请重新上传。';
  constructor(options?: { cause?: unknown }) {
    super(
      'The upload was interrupted before the end of the file: nothing was stored. Upload it again.',
      options,
    );
  }
}

export class BlobNotFoundError extends BlobStoreError {
  readonly code = 'blob-not-found' as const;
  readonly messageZh: string;
  readonly params: { readonly sha256: string };
  constructor(readonly sha256: string) {
    super(`No stored file has the SHA-256 ${sha256}.`);
    this.messageZh = `找不到 SHA-256 为 ${sha256} 的文件。`;
    this.params = { sha256 };
  }
}

/** A hash that is not 64 lowercase hex digits (never turned into a path or a key). */
export class InvalidBlobHashError extends BlobStoreError {
  readonly code = 'invalid-blob-hash' as const;
  readonly params = {};
  readonly messageZh = '文件标识无效：应为 64 位小写十六进制的 SHA-256 值。';
  constructor(readonly value: string) {
    super(`Not a SHA-256 in lowercase hex: ${JSON.stringify(value.slice(0, 80))}`);
  }
}

/** BLOB_STORE_URL (or the URL passed in) cannot be understood. */
export class InvalidBlobStoreUrlError extends BlobStoreError {
  readonly code = 'invalid-blob-store-url' as const;
  readonly params = {};
  readonly messageZh: string;
  constructor(
    readonly url: string,
    reason: string,
    reasonZh: string,
  ) {
    super(`Blob store URL ${redact(url)}: ${reason}`);
    this.messageZh = `文件存储地址 ${redact(url)} 无效：${reasonZh}`;
  }
}

/** The disk or the object store failed: nothing was stored; safe to retry once it answers. */
export class BlobStoreUnavailableError extends BlobStoreError {
  readonly code = 'blob-store-unavailable' as const;
  readonly params = {};
  readonly messageZh =
    '文件存储暂时不可用（磁盘或对象存储出错），未保存任何内容。请稍后重试，或联系系统管理员。';
  constructor(context: string, options?: { cause?: unknown }) {
    const cause = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`The blob store failed (${context})${cause}. Nothing was stored; try again later.`, options);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** The URL without its password. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
