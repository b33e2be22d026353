import {
  BlobNotFoundError,
  BlobStoreError,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  BlobTypeRefusedError,
  BlobUploadAbortedError,
  InvalidBlobHashError,
  InvalidBlobStoreUrlError,
} from '@one-window/blob-store';
import { ProblemError, problemType } from '../problem/problem-details.js';

const MB = 1024 * 1024;

/** Megabytes as a limit is said: 20, 0.5. */
export const megabytes = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

interface Shape {
  readonly status: number;
  readonly title: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const SHAPES: Readonly<Record<string, Shape>> = {
  'blob-too-large': { status: 413, title: 'File too large' },
  'blob-type-refused': { status: 415, title: 'File type not accepted' },
  'blob-upload-aborted': { status: 400, title: 'Upload interrupted' },
  'blob-not-found': { status: 404, title: 'File not found' },
  'invalid-blob-hash': { status: 400, title: 'Invalid file id' },
  'invalid-blob-store-url': { status: 500, title: 'Invalid file store address' },
  'blob-store-unavailable': {
    status: 503,
    title: 'File store unavailable',
    headers: { 'retry-after': '5' },
  },
};

/**
 * The blob store's seven errors as problems (ADR 16): the error's code is the problem's type and
 * catalog code, its params (with the file's name, where there is one) the catalog's params.
 */
export function blobProblem(error: unknown, fileName?: string): ProblemError | undefined {
  if (!(error instanceof BlobStoreError)) return undefined;
  const shape = SHAPES[error.code];
  if (!shape) return undefined;
  const params: Record<string, string | number> = {};
  if (fileName !== undefined) params.name = fileName;
  if (error instanceof BlobTooLargeError) {
    params.maxBytes = error.maxBytes;
    params.maxMb = megabytes(error.maxBytes);
  }
  if (error instanceof BlobTypeRefusedError) {
    params.head = error.head;
    params.rule = error.rule;
  }
  if (error instanceof BlobNotFoundError) params.sha256 = error.sha256;
  const internal = error instanceof InvalidBlobStoreUrlError || error instanceof BlobStoreUnavailableError;
  const detail = fileName && !internal ? `${fileName}: ${error.message}` : error.message;
  return new ProblemError(
    {
      type: problemType(error.code),
      title: shape.title,
      status: shape.status,
      detail: internal ? 'The file store failed; nothing was stored. Try again shortly.' : detail,
      code: error.code,
      params,
      ...(shape.headers?.['retry-after'] ? { retryAfter: Number(shape.headers['retry-after']) } : {}),
    },
    shape.headers ?? {},
  );
}

export { BlobUploadAbortedError, InvalidBlobHashError };
