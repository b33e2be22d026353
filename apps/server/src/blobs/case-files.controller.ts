import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { type BlobStore, checkSha256 } from '@one-window/blob-store';
import type { Actor } from '@one-window/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { IdPipe } from '../http/id.pipe.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { problems } from '../problem/problem-details.js';
import { CaseDetailService } from '../reads/case-detail.service.js';
import { BLOB_STORE } from '../tokens.js';
import { blobProblem } from './blob-problems.js';
import { attachedIn, currentFiles } from './case-files.js';
import { FileQueryDto, FileViewsQueryDto } from './file-queries.dto.js';
import { FileViews } from './file-views.js';

/** `inline; filename="scan.pdf"; filename*=UTF-8''…` (RFC 6266): the ASCII name, then the real one. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The scans attached to a case's materials (ADR 16), within the caller's read scope — the same
 * as the case's own (a clerk their hall, an approver or head the departments handling it, an
 * administrator all). Every file served is recorded first in the access log.
 */
@StaffApi('files', 'api')
export class CaseFilesController {
  constructor(
    private readonly details: CaseDetailService,
    private readonly views: FileViews,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Get('cases/:caseId/files')
  @ApiOperation({ summary: 'the files attached to each material of the case, as it holds them now' })
  @ApiOkResponse({
    description:
      '{caseId, caseNumber, materials: [{code, name, form, files: [{sha256, size, type, name, attachedBy, attachedAt}]}]}',
  })
  async list(@Param('caseId', IdPipe) caseId: string, @CurrentActor() actor: Actor) {
    const { summary, loaded } = await this.details.loadInScope(caseId, actor);
    if (!loaded.state) throw problems.notFound(`There is no case ${caseId}.`, { code: 'not-found.case' });
    return { caseId, caseNumber: summary.caseNumber, materials: currentFiles(loaded.state) };
  }

  @Get('cases/:caseId/files/:sha256')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({
    summary:
      'one attached file, streamed with its sniffed Content-Type (inline for preview, or ?disposition=download); the view is recorded',
  })
  async file(
    @Param('caseId', IdPipe) caseId: string,
    @Param('sha256') sha256: string,
    @Query() query: FileQueryDto,
    @CurrentActor() actor: Actor,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    try {
      checkSha256(sha256);
    } catch (error) {
      throw blobProblem(error) ?? error;
    }
    const { summary, loaded } = await this.details.loadInScope(caseId, actor);
    const attached = attachedIn(loaded.events, sha256);
    if (!attached)
      throw problems.notFound(`Case ${caseId} has no file ${sha256}.`, { code: 'blob-not-found' });
    let content;
    try {
      content = await this.blobs.get(sha256);
    } catch (error) {
      throw blobProblem(error) ?? error;
    }
    const disposition = query.disposition ?? 'inline';
    try {
      await this.views.record(
        {
          caseId,
          caseNumber: summary.caseNumber,
          materialCode: attached.materialCode,
          sha256,
          name: attached.file.name,
          disposition,
        },
        actor,
      );
    } catch (error) {
      content.destroy();
      throw error;
    }
    return reply
      .type(attached.file.type)
      .header('content-length', String(attached.file.size))
      .header(
        'content-disposition',
        contentDisposition(disposition === 'download' ? 'attachment' : 'inline', attached.file.name),
      )
      .send(content);
  }

  @Get('admin/file-views')
  @Roles('admin')
  @ApiOperation({ summary: 'the access log of attached files: who read which file when, in log order' })
  @ApiOkResponse({
    description:
      '{items: [{caseId, caseNumber, materialCode, sha256, name, disposition, viewedBy{userId, name, role}, viewedAt, position}], nextAfter}',
  })
  fileViews(@Query() query: FileViewsQueryDto) {
    return this.views.list({ caseId: query.caseId, after: query.after, limit: query.limit ?? 100 });
  }
}
