import type { Directory } from '@one-window/catalog';
import type { CaseRegisterRow } from '@one-window/read-models';
import { formatDate, formatDateTime, type Lang, messages } from '@one-window/shared';
import writeXlsxFile, { type Row } from 'write-excel-file/node';

/** A register column: its header's catalog key, its width in Excel (characters) and its cell. */
interface Column {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: CaseRegisterRow, names: Names) => string;
}

interface Names {
  readonly lang: Lang;
  readonly directory: Directory;
}

const day = (value: string | null): string => (value ? formatDate(value) : '');

/** The register's columns, in order: names, never codes; China dates and times. */
export const REGISTER_COLUMNS: readonly Column[] = [
  { header: 'caseNumber', width: 24, cell: (r) => r.caseNumber },
  { header: 'item', width: 30, cell: (r) => r.itemName },
  { header: 'applicant', width: 20, cell: (r) => r.applicantName },
  { header: 'register.idNumber', width: 22, cell: (r) => r.idNumberMasked ?? '' },
  { header: 'register.receivedAt', width: 17, cell: (r) => formatDateTime(r.receivedAt) },
  { header: 'acceptedOn', width: 12, cell: (r) => day(r.acceptedOn) },
  { header: 'promisedDue', width: 12, cell: (r) => day(r.promisedDueDate) },
  { header: 'statutoryDue', width: 12, cell: (r) => day(r.statutoryDueDate) },
  { header: 'completedOn', width: 12, cell: (r) => day(r.completedOn) },
  {
    header: 'status',
    width: 16,
    cell: (r, n) => messages.name('state', r.status, n.lang) ?? '—',
  },
  {
    header: 'department',
    width: 26,
    cell: (r, n) => n.directory.department(r.department)?.name ?? '—',
  },
  {
    header: 'register.hall',
    width: 26,
    cell: (r, n) => n.directory.hall(r.hall)?.name ?? '—',
  },
  { header: 'channel', width: 12, cell: (r, n) => messages.t(n.lang, `channel.${r.channel}`) },
];

export const headers = (lang: Lang): string[] => REGISTER_COLUMNS.map((c) => messages.t(lang, c.header));

export const cells = (row: CaseRegisterRow, names: Names): string[] =>
  REGISTER_COLUMNS.map((c) => c.cell(row, names));

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a field a
 * spreadsheet would run as a formula (= + - @ at its start) is kept as text by a leading '.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** The UTF-8 byte order mark: without it Excel reads a CSV in the machine's code page, not Chinese. */
export const BOM = '\uFEFF';

/** The register as one XLSX sheet: a bold header row kept in view, then the rows as text. */
export async function registerXlsx(lang: Lang, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const data: Row[] = [
    headers(lang).map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((r) => r.map((value) => ({ value, type: String }))),
  ];
  return writeXlsxFile(data, {
    sheet: messages.t(lang, 'register.sheet'),
    columns: REGISTER_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
