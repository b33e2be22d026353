/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read field by field */
import { strFromU8, unzipSync } from 'fflate';
import { ManualClock } from '@one-window/shared';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { type DemoUser } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CAP = 170;

/** A CSV as RFC 4180 writes it: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

interface Listed {
  readonly caseNumber: string;
  readonly itemName: string;
  readonly applicantName: string;
  readonly acceptedOn: string | null;
  readonly promisedDueDate: string | null;
  readonly statutoryDueDate: string | null;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The first sheet's cells by row, from the XLSX's own XML (shared or inline strings). */
function parseXlsx(bytes: Uint8Array): { sheetName: string; rows: string[][] } {
  const files = unzipSync(bytes);
  const text = (name: string): string => strFromU8(files[name] ?? new Uint8Array());
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const sheetName = unescapeXml(/<sheet [^>]*name="([^"]*)"/.exec(text('xl/workbook.xml'))?.[1] ?? '');
  const rows = [...text('xl/worksheets/sheet1.xml').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      if (/t="s"/.test(attrs)) return shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? '';
      const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
      return unescapeXml(inline ?? /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
    }),
  );
  return { sheetName, rows };
}

/**
 * The register (台账) export over real HTTP: the same cases, in the same order, as the case list
 * for the same filter and scope, as CSV and XLSX, in the request's language, bounded by its cap.
 */
describe('GET /api/cases/export', () => {
  const clock = new ManualClock('2026-01-20T01:30:00Z');
  const { server, w } = serveApi({ clock, config: { registerExportMaxRows: CAP } });

  beforeAll(async () => {
    await seedGeneratedCases(server.store, 200, { seed: 11 });
    await w.caughtUp(server.store);
  }, 120_000);

  async function download(user: DemoUser, query: string, lang = 'zh-CN') {
    const res = await fetch(`${server.base}/api/cases/export?${query}`, {
      headers: { authorization: `Bearer ${w.token(user)}`, 'accept-language': lang },
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  /** Every case of the list for a filter, in its order, by its cursor. */
  async function listed(user: DemoUser, query: string): Promise<Listed[]> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await w.read(
        user,
        `/api/cases?pageSize=200&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...(page.items as Listed[]));
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('gives the list’s cases for the filter as a CSV with a BOM, Chinese headers, names and China dates', async () => {
    const filter = 'stage=completed';
    const cases = await listed('admin', filter);
    expect(cases.length).toBeGreaterThan(10);
    expect(cases.length).toBeLessThanOrEqual(CAP);
    const { res, bytes } = await download('admin', `format=csv&${filter}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('办件台账-20260120.csv')}`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      '办件编号',
      '事项',
      '申请人',
      '证件号码（隐去前段）',
      '收件时间',
      '受理日期',
      '承诺办结日',
      '法定办结日',
      '办结日期',
      '状态',
      '部门',
      '受理大厅（窗口）',
      '申请渠道',
    ]);
    expect(rows.map((r) => r[0])).toEqual(cases.map((c) => c.caseNumber));
    for (const [i, row] of rows.entries()) {
      const c = cases[i];
      expect(row).toHaveLength(13);
      expect(row.slice(1, 3)).toEqual([c.itemName, c.applicantName]);
      expect(row[3]).toMatch(/^\*{5,}[0-9X]{4}$/);
      expect(row[4]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(row.slice(5, 8)).toEqual([
        c.acceptedOn ?? '',
        c.promisedDueDate ?? '',
        c.statutoryDueDate ?? '',
      ]);
      expect(row[8]).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(row[9]).toBe('已办结');
      expect(row[10]).toMatch(/[\u4e00-\u9fff]/);
      expect(row[11]).toMatch(/[\u4e00-\u9fff]/);
    }
    // No code, ISO time or English word on the Chinese register.
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|\d\dZ\b|hall-|\b[a-z]+\.[a-z]+[A-Z]|[A-Za-z]{3,}/);
  });

  it('gives the same rows as one XLSX sheet, and English headers and names in English', async () => {
    const filter = 'stage=completed';
    const cases = await listed('admin', filter);
    const { res, bytes } = await download('admin', `format=xlsx&${filter}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('办件台账-20260120.xlsx'));
    const sheet = parseXlsx(bytes);
    expect(sheet.sheetName).toBe('台账');
    expect(sheet.rows[0]?.[0]).toBe('办件编号');
    expect(sheet.rows.slice(1).map((r) => r[0])).toEqual(cases.map((c) => c.caseNumber));
    expect(sheet.rows.slice(1).map((r) => r[9])).toEqual(cases.map(() => '已办结'));
    expect(sheet.rows.slice(1).map((r) => r[6])).toEqual(cases.map((c) => c.promisedDueDate ?? ''));

    const en = parseXlsx((await download('admin', `format=xlsx&${filter}`, 'en')).bytes);
    expect(en.sheetName).toBe('Register');
    expect(en.rows[0]?.slice(0, 3)).toEqual(['Case number', 'Item', 'Applicant']);
    expect(en.rows[1]?.[9]).toBe('Completed');
    expect(en.rows.slice(1).map((r) => r[0])).toEqual(cases.map((c) => c.caseNumber));
  });

  it('keeps to the caller’s scope as the list does: a clerk’s hall, an approver’s department', async () => {
    for (const user of ['clerk1', 'approver1'] as const) {
      const cases = await listed(user, 'receivedFrom=2025-09-01');
      const { res, bytes } = await download(user, 'format=csv&receivedFrom=2025-09-01');
      expect({ user, status: res.status }).toEqual({ user, status: 200 });
      const rows = parseCsv(new TextDecoder().decode(bytes)).slice(1);
      expect({ user, numbers: rows.map((r) => r[0]) }).toEqual({
        user,
        numbers: cases.map((c) => c.caseNumber),
      });
    }
    const all = await listed('admin', 'receivedFrom=2025-09-01');
    const clerk = await listed('clerk1', 'receivedFrom=2025-09-01');
    expect(clerk.length).toBeLessThan(all.length);
  });

  it('refuses more cases than the cap with a 422 that says, in Chinese by default, to narrow the filter', async () => {
    expect((await w.read('admin', '/api/cases')).total).toBeGreaterThan(CAP);
    const zh = await download('admin', 'format=csv', 'zh-CN');
    expect(zh.res.status).toBe(422);
    const problem = JSON.parse(new TextDecoder().decode(zh.bytes));
    expect(problem).toMatchObject({
      type: '/problems/register-too-large',
      code: 'register-too-large',
      params: { max: CAP },
      title: '导出范围过大',
    });
    expect(problem.detail).toContain(`${CAP}`);
    expect(problem.detail).toContain('请缩小查询条件');
    const en = JSON.parse(new TextDecoder().decode((await download('admin', 'format=xlsx', 'en')).bytes));
    expect(en.detail).toMatch(/Narrow the filter/);
    const docs: any = await (await fetch(`${server.base}/api/docs-json`)).json();
    const route = docs.paths['/api/cases/export']?.get;
    expect(route?.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['format', 'status', 'idNumber', 'receivedFrom', 'department']),
    );
    expect(route?.description).toMatch(/REGISTER_EXPORT_MAX_ROWS/);
    const bad = await w.as('admin', 'GET', '/api/cases/export?format=pdf');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ pointer: '#/format' }] });
  });
});
