import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ManualClock } from '@one-window/shared';
import type { Page } from 'playwright-core';
import { APPLICANT, DEMO_ITEMS } from '../support/api-world.js';
import { CHROMIUM } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { type ConsoleWorld, startConsoleWorld } from '../support/console-world.js';
import { ELF_BYTES, PDF_BYTES, PNG_BYTES } from '../support/uploads.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const describeWithBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** Issue 13 item 1 in a browser: scans attached at the desk, previewed by the approver, the access log. */
describeWithBrowser('scanned materials in the console (ADR 16)', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  let session: ConsoleWorld;
  let page: Page;
  let caseId = '';

  beforeAll(async () => {
    session = await startConsoleWorld(clock);
    page = session.page;
  }, 90_000);
  afterAll(async () => session?.close());

  async function axeIn(selector: string): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
    return page.evaluate(async (s) => {
      type Run = (context: string, options: object) => Promise<{ violations: { id: string }[] }>;
      const { axe } = window as unknown as { axe: { run: Run } };
      const result = await axe.run(s, { resultTypes: ['violations'] });
      return result.violations.map((v) => v.id);
    }, selector);
  }

  it('a clerk attaches a PDF and a photo at receipt; a renamed executable is refused in Chinese first', async () => {
    await session.signInAs('clerk1');
    await page.goto(`${session.server.base}/#/desk/item/${DEMO_ITEMS.foodBusinessLicence}`);
    await page.locator('#application-form').waitFor();
    await page.selectOption('#kind', 'legal-person');
    await page.fill('#name', APPLICANT.name);
    await page.selectOption('#idType', 'uscc');
    await page.fill('#idNumber', APPLICANT.idNumber);
    await page.fill('#phone', APPLICANT.phone);
    await page.check('input[name="sharingAuthorized"]');
    for (const code of ['application', 'layout-and-process', 'safety-rules'])
      await page.check(`input[name="m.${code}"]`);
    await expect(axeIn('#application-form')).resolves.toEqual([]);

    await page.setInputFiles('input[name="s.application"]', {
      name: '申请书.pdf',
      mimeType: 'application/pdf',
      buffer: ELF_BYTES,
    });
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
