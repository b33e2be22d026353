import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@one-window/shared';
import { APPLICANT, DEMO_ITEMS } from '../support/api-world.js';
import { axeViolations } from '../support/screen-checks.js';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';
import { ELF_BYTES, PDF_BYTES, PNG_BYTES } from '../support/uploads.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Issue 13 item 1 in a browser: scans attached at the desk, previewed by the approver, the access log. */
describeWithBrowser('scanned materials in the console (ADR 16)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, page } = serveConsole({ clock });
  let caseId = '';

  /** The desk's application form for the food licence, the applicant filled in. */
  async function openDeskForm(): Promise<void> {
    await page.goto(`${session.server.base}/#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`);
    await page.locator('#application-form').waitFor();
    await page.selectOption('#kind', 'legal-person');
    await page.fill('#name', APPLICANT.name);
    await page.selectOption('#idType', 'uscc');
    await page.fill('#idNumber', APPLICANT.idNumber);
    await page.fill('#phone', APPLICANT.phone);
    await page.check('input[name="sharingAuthorized"]');
  }

  /** Files under DATA_DIR/blobs, temporaries included. */
  async function countBlobs(): Promise<number> {
    const entries = await readdir(join(session.server.dataDir, 'blobs'), {
      recursive: true,
      withFileTypes: true,
    });
    return entries.filter((e) => e.isFile()).length;
  }

  const axeIn = (selector: string) => axeViolations(page, selector);

  it('a clerk attaches a PDF and a photo at receipt; a renamed executable is refused in Chinese first', async () => {
    await session.signInAs('clerk1');
    await openDeskForm();
    for (const code of ['application', 'layout-and-process', 'safety-rules'])
      await page.check(`input[name="m.${code}"]`);
    await expect(axeIn('#application-form')).resolves.toEqual([]);
    // The file fields speak the console's language, not the browser's ("Choose Files", "No file chosen").
    const pick = page.locator('.file-pick:has(input[name="s.application"])');
    await expect(pick.innerText()).resolves.toMatch(/^选择文件\s*未选择文件$/);

    await page.setInputFiles('input[name="s.application"]', {
      name: '申请书.pdf',
      mimeType: 'application/pdf',
      buffer: ELF_BYTES,
    });
    await expect(pick.innerText()).resolves.toMatch(/^选择文件\s*已选 1 个文件$/);
    await page.click('#take-application');
    const problem = page.locator('#application-form .problem');
    await problem.waitFor();
    const words = (await problem.textContent()) ?? '';
    expect(words).toContain('文件「申请书.pdf」的内容不是 PDF、JPEG 或 PNG');
    expect(chineseProblems(words.replace('申请书.pdf', ''))).toEqual([]);
    await expect(problem.getAttribute('data-code')).resolves.toBe('blob-type-refused');

    await page.setInputFiles('input[name="s.application"]', {
      name: '申请书.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await page.setInputFiles('input[name="s.layout-and-process"]', {
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: PNG_BYTES,
    });
    await page.click('#take-application');
    await page.waitForURL(/#\/case\//);
    caseId = decodeURIComponent(page.url().split('#/case/')[1] ?? '');
    await page.locator('#material-files .file-list li').nth(1).waitFor();
    await expect(page.locator('#material-files .file-list li').count()).resolves.toBe(2);
  });

  it('a 200 MB scan is refused at the desk in Chinese without filling the server’s memory, and nothing is kept', async () => {
    // A sparse file on disk: Chromium streams it from there, so the test holds none of it.
    const dir = mkdtempSync(join(tmpdir(), 'big-scan-'));
    const path = join(dir, '扫描件.pdf');
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.from('%PDF-1.4\n', 'latin1'));
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const blobsBefore = await countBlobs();
    await openDeskForm();
    await page.setInputFiles('input[name="s.application"]', path);
    // The server runs in this process: its resident set is sampled while the browser sends.
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await page.click('#take-application');
      const problem = page.locator('#application-form .problem');
      await problem.waitFor({ timeout: 60_000 });
      const words = (await problem.textContent()) ?? '';
      await expect(problem.getAttribute('data-code')).resolves.toBe('blob-too-large');
      expect(words).toContain('扫描件.pdf');
      expect(chineseProblems(words.replace('扫描件.pdf', ''))).toEqual([]);
    } finally {
      clearInterval(sampler);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`200 MB scan refused at the desk: RSS +${((peak - before) / 1048576).toFixed(1)} MB`);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
    expect(await countBlobs()).toBe(blobsBefore);
    expect(page.url()).toMatch(/#\/desk\//);
  }, 120_000);

  it('the approver previews both — the PDF in a frame, the photo as an image — in Chinese, axe clean', async () => {
    await session.signInAs('approver1');
    await page.goto(`${session.server.base}/#/case/${encodeURIComponent(caseId)}`);
    const frame = page.locator('#file-viewer iframe');
    await frame.waitFor();
    await expect(frame.getAttribute('data-type')).resolves.toBe('application/pdf');
    await expect(frame.getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect(page.locator('#file-position').textContent()).resolves.toBe('第 1 个，共 2 个');
    // The frame shows the uploaded PDF's bytes (by their hash; the console's CSP lets no script read the blob).
    await expect(frame.getAttribute('data-sha256')).resolves.toBe(sha256(PDF_BYTES));
    await expect(frame.getAttribute('title')).resolves.toMatch(/：申请书\.pdf$/);

    await page.click('#file-next');
    const image = page.locator('#file-viewer img');
    await image.waitFor();
    await expect(image.getAttribute('data-type')).resolves.toBe('image/png');
    await page.waitForFunction(
      () => (document.querySelector('#file-viewer img') as HTMLImageElement)?.naturalWidth === 1,
    );
    await expect(page.locator('#file-position').textContent()).resolves.toBe('第 2 个，共 2 个');
    const text = (await page.locator('#material-files').innerText()).replace(
      /申请书\.pdf|现场照片\.png/g,
      '',
    );
    expect(chineseProblems(text)).toEqual([]);
    await expect(axeIn('#material-files')).resolves.toEqual([]);
  });

  it('the administrator reads who viewed which file when', async () => {
    await session.signInAs('admin');
    await page.goto(`${session.server.base}/#/case/${encodeURIComponent(caseId)}`);
    const rows = page.locator('#file-views tbody tr');
    await rows.nth(1).waitFor();
    const log = await page.locator('#file-views').innerText();
    expect(log).toContain('审批人员');
    expect(log).toContain('在线预览');
    expect(log).toContain('2026-03-02 09:30');
    expect(log).toContain('申请书.pdf');
    await expect(axeIn('#file-views')).resolves.toEqual([]);
  });
});
