import { basename } from 'node:path';
import { HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import {
  type BlobInfo,
  type BlobStore,
  BlobStoreUnavailableError,
  BlobTooLargeError,
} from '@one-window/blob-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators.js';
import type { ServerConfig } from '../config/server-config.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { ProblemError, problemType } from '../problem/problem-details.js';
import { BLOB_STORE, SERVER_CONFIG } from '../tokens.js';
import { AttachGuard } from './attach-guard.js';
import { blobProblem } from './blob-problems.js';

/** What the multipart framing of one file may add to its bytes before the limit counts. */
const FRAMING_BYTES = 64 * 1024;

export interface UploadedBlob extends BlobInfo {
  /** The name the file was uploaded under, for the command that attaches it. */
  readonly name: string;
}

/** A file name as shown: its last path segment, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const name = [...basename((raw ?? '').replace(/\\/g, '/'))]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (name || 'file').slice(0, 255);
}

function fileRequired(): ProblemError {
  return new ProblemError({
    type: problemType('blob-file-required'),
    title: 'No file',
    status: 400,
    detail: 'Send one file as multipart/form-data, in a part named "file".',
    code: 'blob-file-required',
  });
}

function malformedUpload(): ProblemError {
  return new ProblemError({
    type: problemType('blob-upload-malformed'),
    title: 'Malformed upload',
    status: 400,
    detail: 'The body is not well-formed multipart/form-data: nothing was stored. Upload the file again.',
    code: 'blob-upload-malformed',
  });
}

/**
 * POST /api/blobs (ADR 16): one file, streamed from the multipart body into the blob store — the
 * type sniffed from its first bytes, refused at the first byte past BLOB_MAX_FILE_BYTES, never held
 * whole in memory, nothing kept when it is refused or broken off. The answer's hash is what a
 * receipt, correction or 容缺 supply then attaches to a material.
 */
@StaffApi('files', 'api/blobs')
export class BlobsController {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    private readonly guard: AttachGuard,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('clerk')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'upload one scanned file (PDF, JPEG or PNG by its content) as multipart/form-data part "file"; answers {sha256, size, type, name}',
  })
  @ApiCreatedResponse({ description: '{sha256, size, type, name}: attach it by sha256 and name' })
  async upload(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadedBlob> {
    const maxBytes = this.config.blobs.maxFileBytes;
    // The socket closes after a refusal: the rest of a large upload is not read into nothing.
    const refuse = (error: unknown, name?: string): never => {
      void reply.header('connection', 'close');
      throw blobProblem(error, name) ?? error;
    };
    if (!request.isMultipart()) throw fileRequired();
    const declared = Number(request.headers['content-length']);
    const declaredTooLarge = Number.isFinite(declared) && declared > maxBytes + FRAMING_BYTES;
    // One past the limit reaches the store, which refuses it; multipart's own limit never truncates first.
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 11 } });
    } catch (error) {
      // @fastify/multipart's own refusals (limits, wrong content type) carry their HTTP status; what
      // the form parser throws without one is a body that is not the multipart it says it is.
      if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
      return refuse(malformedUpload());
    }
    if (!part) throw fileRequired();
    const name = cleanFileName(part.filename);
    // A body that says it is larger is refused at its file part's headers, its content unread,
    // with the file's name for the clerk.
    if (declaredTooLarge) refuse(new BlobTooLargeError(maxBytes), name);
    let info: BlobInfo;
    try {
      info = await this.blobs.put(part.file, { maxBytes });
    } catch (error) {
      return refuse(error, name);
    }
    // The same bytes as an old unattached file the sweep was deleting that moment: maybe gone.
    if ((await this.guard.uploaded(info.sha256)) && !(await this.blobs.has(info.sha256)))
      return refuse(
        new BlobStoreUnavailableError('the unattached-file sweep removed the same content meanwhile'),
        name,
      );
    return { sha256: info.sha256, size: info.size, type: info.type, name };
  }
}
