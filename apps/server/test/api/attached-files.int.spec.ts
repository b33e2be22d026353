/* eslint-disable @typescript-eslint/no-explicit-any -- API answers are inspected field by field */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { ManualClock } from '@one-window/shared';
import { foodLicenceReceipt } from '../support/api-world.js';
import { serveApi } from '../support/suites.js';
import { ELF_BYTES, EXE_BYTES, PDF_BYTES, PNG_BYTES, streamUpload, uploadFile } from '../support/uploads.js';

const MB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under DATA_DIR/blobs, temporaries included. */
function blobFiles(dataDir: string): string[] {
  const root = join(dataDir, 'blobs');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Issue 13 item 1: scans attached per material at receipt, read by the approver, every view logged. */
describe('attached files over real HTTP (ADR 16)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { server, w } = serveApi({
    clock,
    config: {
      blobs: { url: undefined, maxFileBytes: 10 * MB, maxCaseBytes: 12 * MB, unattachedTtlHours: 24 },
    },
  });

  it('uploads a PDF and a PNG, receives with them, and records per material {sha256, size, type, name, attachedBy, attachedAt}', async () => {
    const pdf = await uploadFile(server.base, w.token('clerk1'), '营业执照申请书.pdf', PDF_BYTES);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toEqual({
      sha256: sha256(PDF_BYTES),
      size: PDF_BYTES.length,
      type: 'application/pdf',
      name: '营业执照申请书.pdf',
    });
    // The name says JPEG; the content says PNG, and the content wins.
    const png = await uploadFile(server.base, w.token('clerk1'), 'photo.jpg', PNG_BYTES);
    expect(png.status).toBe(201);
    expect(png.body.type).toBe('image/png');

    const receipt = foodLicenceReceipt({}, [
      [
        { sha256: pdf.body.sha256, name: pdf.body.name },
        { sha256: png.body.sha256, name: 'photo.jpg' },
      ],
    ]);
    // Size and type are the blob store's: a client cannot say them.
    const claimed = structuredClone(receipt) as any;
    claimed.materials[0].files[1] = { ...claimed.materials[0].files[1], size: 1, type: 'application/pdf' };
    const refused = await w.as('clerk1', 'POST', '/api/cases', claimed);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['#/materials/0/files/1/size', 'unknown-field'],
      ['#/materials/0/files/1/type', 'unknown-field'],
    ]);
    const received = await w.ok('clerk1', '/api/cases', receipt);
    const events = await server.store.readStream(`case-${received.caseId}`);
    const material = (events[0].data as any).materials[0];
    expect(material.files).toEqual([
      {
        sha256: sha256(PDF_BYTES),
        size: PDF_BYTES.length,
        type: 'application/pdf',
        name: '营业执照申请书.pdf',
        attachedBy: expect.any(String),
        attachedAt: '2026-03-02T01:30:00.000Z',
      },
      expect.objectContaining({ sha256: sha256(PNG_BYTES), size: PNG_BYTES.length, type: 'image/png' }),
    ]);
    // Materials without files keep the old shape.
    expect((events[0].data as any).materials[1]).toEqual({ code: 'layout-and-process', form: 'original' });

    // The approver of the department handling it lists and reads both; the bytes are the upload's.
    const listed = await w.read('approver1', `/api/cases/${received.caseId}/files`, received);
    expect(listed.materials).toEqual([
      expect.objectContaining({ code: 'application', files: [expect.anything(), expect.anything()] }),
    ]);
    const file = await fetch(`${server.base}/api/cases/${received.caseId}/files/${sha256(PDF_BYTES)}`, {
      headers: { authorization: `Bearer ${w.token('approver1')}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''/);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    const image = await fetch(
      `${server.base}/api/cases/${received.caseId}/files/${sha256(PNG_BYTES)}?disposition=download`,
      { headers: { authorization: `Bearer ${w.token('head1')}` } },
    );
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^attachment; /);
    await image.arrayBuffer();

    // Another department's approver is refused, and nothing is logged for them.
    const other = await w.as('approver2', 'GET', `/api/cases/${received.caseId}/files/${sha256(PDF_BYTES)}`);
    expect(other.status).toBe(403);
    expect((await w.as('approver2', 'GET', `/api/cases/${received.caseId}/files`)).status).toBe(403);

    // The administrator's access log: who read which file when.
    const log = await w.read('admin', `/api/admin/file-views?caseId=${received.caseId}`);
    expect(log.items).toEqual([
      expect.objectContaining({
        caseId: received.caseId,
        materialCode: 'application',
        sha256: sha256(PDF_BYTES),
        disposition: 'inline',
        viewedBy: expect.objectContaining({ role: 'approver' }),
        viewedAt: '2026-03-02T01:30:00.000Z',
      }),
      expect.objectContaining({
        sha256: sha256(PNG_BYTES),
        disposition: 'download',
        viewedBy: expect.objectContaining({ role: 'head' }),
      }),
    ]);
    const all = await w.read('admin', '/api/admin/file-views');
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect((await w.as('clerk1', 'GET', '/api/admin/file-views')).status).toBe(403);
  });

  it.each([
    ['an ELF executable', ELF_BYTES, '7f454c460201'],
    ['a Windows executable', EXE_BYTES, '4d5a90000300'],
  ])(
    'refuses %s named .pdf with its problem, in English and Chinese, and keeps nothing',
    async (_what, bytes, head) => {
      const before = blobFiles(server.dataDir);
      const en = await uploadFile(server.base, w.token('clerk1'), 'scan.pdf', bytes);
      expect(en.status).toBe(415);
      expect(en.body).toMatchObject({
        type: '/problems/blob-type-refused',
        code: 'blob-type-refused',
        params: { name: 'scan.pdf', head: expect.stringContaining(head) },
        detail: expect.stringContaining('not a PDF, JPEG or PNG'),
      });
      const zh = await uploadFile(server.base, w.token('clerk1'), 'scan.pdf', bytes, 'zh');
      expect(zh.body.title).toBe('文件类型不符');
      expect(zh.body.detail).toBe(
        '文件「scan.pdf」的内容不是 PDF、JPEG 或 PNG（按文件内容判断，不看文件名），已拒收，未保存任何内容。',
      );
      expect(blobFiles(server.dataDir)).toEqual(before);
    },
  );

  it('refuses a 200 MB upload at the limit without holding it: RSS grows by < 64 MB, nothing kept', async () => {
    const before = blobFiles(server.dataDir);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const answer = await streamUpload(server.base, w.token('clerk1'), Buffer.from('%PDF-1.7\n'), 200 * MB);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'blob-too-large', params: { maxMb: 10, name: 'big.pdf' } });
    // The server stopped reading at the limit: far less than 200 MB left the client.
    expect(answer.sent).toBeLessThan(40 * MB);
    const growth = answer.peakRss - baseline;
    console.log(
      `200 MB upload refused at 10 MB: ${(answer.sent / MB).toFixed(1)} MB sent, RSS +${(growth / MB).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(64 * MB);
    expect(blobFiles(server.dataDir)).toEqual(before);
  });

  it('refuses a body declared larger than the limit at its file part’s headers, naming the file, without the rest', async () => {
    const answer = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = request(new URL('/api/blobs', server.base), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${w.token('clerk1')}`,
          'content-type': 'multipart/form-data; boundary=b',
          'content-length': String(11 * MB),
        },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      // Only the first bytes are sent: the answer comes without waiting for the other 11 MB.
      req.write('--b\r\ncontent-disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-');
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ code: 'blob-too-large', params: { maxMb: 10, name: 'x.pdf' } });
  });

  it.each([
    ['a body that is not multipart at all', 'S', 'blob-upload-malformed'],
    [
      'a part whose headers never end',
      '--x\r\ncontent-disposition: form-data; name="file"',
      'blob-upload-malformed',
    ],
    [
      'a file part cut off before its closing boundary',
      '--x\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
      'blob-upload-aborted',
    ],
  ])('refuses %s with a 400 problem in both languages, keeping nothing', async (_what, body, code) => {
    const before = blobFiles(server.dataDir);
    for (const lang of ['en', 'zh'] as const) {
      const res = await fetch(`${server.base}/api/blobs`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${w.token('clerk1')}`,
          'content-type': 'multipart/form-data; boundary=x',
          'accept-language': lang,
        },
        body,
      });
      const problem = (await res.json()) as Record<string, unknown>;
      expect({ status: res.status, type: problem.type, code: problem.code }).toEqual({
        status: 400,
        type: `/problems/${code}`,
        code,
      });
      const [zh, en] =
        code === 'blob-upload-malformed'
          ? ['上传内容格式有误', 'Malformed upload']
          : ['文件上传中断', 'Upload interrupted'];
      expect({ title: problem.title, titleZh: problem.titleZh }).toEqual({
        title: lang === 'zh' ? zh : en,
        titleZh: zh,
      });
    }
    expect(blobFiles(server.dataDir)).toEqual(before);
  });

  it('refuses a command naming a hash the blob store does not have, at its field, writing nothing', async () => {
    const unknown = sha256(Buffer.from('never uploaded'));
    const receipt = foodLicenceReceipt({}, [[], [{ sha256: unknown, name: '平面图.pdf' }]]);
    const head = await server.store.headPosition();
    const res = await w.as('clerk1', 'POST', '/api/cases', receipt);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/materials/1/files/0/sha256', code: 'blob-not-found' }),
    ]);
    expect(await server.store.headPosition()).toBe(head);
  });

  it('refuses files beyond the per-case limit (12 MB here) at receipt', async () => {
    const big = (n: number) => Buffer.concat([Buffer.from(`%PDF-1.7\n%${n}\n`), Buffer.alloc(7 * MB, n)]);
    const a = await uploadFile(server.base, w.token('clerk1'), 'a.pdf', big(1));
    const b = await uploadFile(server.base, w.token('clerk1'), 'b.pdf', big(2));
    expect([a.status, b.status]).toEqual([201, 201]);
    const receipt = foodLicenceReceipt({}, [
      [{ sha256: a.body.sha256, name: 'a.pdf' }],
      [{ sha256: b.body.sha256, name: 'b.pdf' }],
    ]);
    const res = await w.as('clerk1', 'POST', '/api/cases', receipt);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        pointer: '#/materials',
        code: 'case-files-too-large',
        params: { totalMb: 14, maxMb: 12 },
      }),
    ]);
  });
  it('counts a file attached to two materials of one case once against the per-case limit', async () => {
    // 9 MB named twice is 9 MB stored, under the 12 MB limit; a second 9 MB file then goes over it.
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n%shared\n'), Buffer.alloc(9 * MB, 7)]);
    const other = Buffer.concat([Buffer.from('%PDF-1.7\n%other\n'), Buffer.alloc(9 * MB, 8)]);
    const a = await uploadFile(server.base, w.token('clerk1'), '身份证及营业执照.pdf', scan);
    const b = await uploadFile(server.base, w.token('clerk1'), 'other.pdf', other);
    expect([a.status, b.status]).toEqual([201, 201]);
    const receipt = foodLicenceReceipt();
    const attach = (i: number, sha: string): void => {
      receipt.materials[i] = { ...receipt.materials[i], files: [{ sha256: sha, name: 'scan.pdf' }] };
    };
    attach(0, a.body.sha256);
    attach(1, a.body.sha256);
    const received = await w.as('clerk1', 'POST', '/api/cases', receipt);
    expect(received.status).toBe(201);
    const files: unknown = await w.read('clerk1', `/api/cases/${received.body.caseId}/files`);
    expect(JSON.stringify(files)).toContain(a.body.sha256);
    attach(1, b.body.sha256);
    const over = await w.as('clerk1', 'POST', '/api/cases', receipt);
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([
      expect.objectContaining({ code: 'case-files-too-large', params: { totalMb: 18, maxMb: 12 } }),
    ]);
  });
});
