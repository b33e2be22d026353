import { Get, Headers, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Directory } from '@one-window/catalog';
import { type CaseRegister, ReadModels, scopeForActor } from '@one-window/read-models';
import { type Actor, type Clock, formatDate, type Lang, messages } from '@one-window/shared';
import { CurrentActor } from '../auth/auth.decorators.js';
import type { ServerConfig } from '../config/server-config.js';
import { StaffApi } from '../http/staff-api.decorator.js';
import { ProblemError, problemType } from '../problem/problem-details.js';
import { preferredLang } from '../problem/problem-language.js';
import { CLOCK, SERVER_CONFIG } from '../tokens.js';
import { BOM, cells, csvLine, headers, registerXlsx } from './case-register.format.js';
import { CaseExportQueryDto } from './dto/case-export-query.dto.js';
import { readFilter } from '../http/read-query.dto.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /api/cases/export: the register (台账) of the case list's filter, within the caller's
 * scope as the list is, as CSV or XLSX in the request's language. Bounded: more cases than
 * REGISTER_EXPORT_MAX_ROWS is a 422 that asks to narrow the filter, before any row is read.
 */
@StaffApi('cases', 'api/cases')
export class CaseExportController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly directory: Directory,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @ApiOperation({
    summary:
      'the register (台账) of the case list for its filters, as CSV (UTF-8 with BOM) or XLSX, newest first',
    description:
      'Columns in the Accept-Language language (Chinese by default): case number, item, applicant, ID number (all but its last four masked), received at, accepted, promised and statutory due dates, completed, status, department, receiving hall, channel — names, China dates and times. Scope as GET /api/cases. More than REGISTER_EXPORT_MAX_ROWS (10,000) matching cases is a 422 register-too-large problem: narrow the filter.',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'the file, as an attachment named 办件台账-<China date>.csv|.xlsx' })
  async export(
    @Query() query: CaseExportQueryDto,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<StreamableFile> {
    const { format, cursor: _c, page: _p, pageSize: _s, ...filter } = readFilter(query);
    const max = this.config.registerExportMaxRows;
    const register = this.readModels.cases.register(filter, scopeForActor(actor), { cap: max });
    if (register.overCap) {
      throw new ProblemError({
        type: problemType('register-too-large'),
        title: 'Too many cases to export',
        status: 422,
        detail: `More than ${max} cases match; one export holds at most ${max}. Narrow the filter and export again.`,
        code: 'register-too-large',
        params: { max },
      });
    }
    const lang = preferredLang(acceptLanguage);
    const title = messages.t(lang, 'register.title');
    const name = `${title}-${formatDate(this.clock.now()).replaceAll('-', '')}.${format}`;
    const disposition = `attachment; filename="register.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`;
    const lines = this.rows(register, lang, max);
    if (format === 'csv') {
      const csv = Readable.from(csvChunks(lang, lines), { objectMode: false });
      return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition });
    }
    const rows: string[][] = [];
    for await (const page of lines) rows.push(...page);
    return new StreamableFile(await registerXlsx(lang, rows), { type: XLSX_TYPE, disposition });
  }

  /** The register's rows as cells, a page at a time, the event loop let go between pages. */
  private async *rows(register: CaseRegister, lang: Lang, max: number): AsyncGenerator<string[][]> {
    const names = { lang, directory: this.directory };
    let left = max;
    for (const page of register.pages()) {
      // Cases received since the count came in after it; the cap holds all the same.
      const kept = page.slice(0, left);
      left -= kept.length;
      yield kept.map((row) => cells(row, names));
      if (left === 0) return;
      await nextTurn();
    }
  }
}

async function* csvChunks(lang: Lang, pages: AsyncIterable<string[][]>): AsyncGenerator<Buffer> {
  yield Buffer.from(BOM + csvLine(headers(lang)));
  for await (const page of pages) yield Buffer.from(page.map(csvLine).join(''));
}
