import { createHash } from 'node:crypto';
import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { axeViolations } from '../support/screen-checks.js';
import { describeWithBrowser } from '../support/browser.js';
import { chineseProblems } from '../support/chinese-text.js';
import { serveConsole } from '../support/suites.js';
import { ELF_BYTES, PDF_BYTES, PNG_BYTES } from '../support/uploads.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface FilesAnswer {
  materials: { code: string; files: { sha256: string; name: string; type: string }[] }[];
}

/** Issue 13 item 1 in a browser: scans attached at 补正 and at 容缺 supply, as at the receipt (ADR 16). */
describeWithBrowser('scans attached at correction and at 容缺 supply in the console', () => {
  const clock = new ManualClock('2026-03-02T01:30:00Z');
  const { session, page, w } = serveConsole({ clock, api: true });

  const axeIn = (selector: string) => axeViolations(page, selector);

  async function openCommand(caseId: string, type: string): Promise<void> {
    // The command was sent over the API, not from this page: the form's materials come from the
    // read model, so open the page once it shows the command (the CI run at load failed without).
    await w.caughtUp(session.server.store);
    await page.goto(`${session.server.base}/#/case/${encodeURIComponent(caseId)}`);
    await page.click(`button[data-command="${type}"]`);
    await page.locator(`#form-${type}`).waitFor();
  }

  /** Attaches `file` to material `code` in the open form of `type`, sends it, and waits for the file on the case. */
  async function attachAndSend(
    type: string,
    code: string,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<void> {
    const form = `#form-${type}`;
    await page.setInputFiles(`${form} input[name="s.${code}"]`, file);
    await page.click(`#submit-${type}`);
    await page.locator(form).waitFor({ state: 'detached' });
    await page.locator('#material-files .file-list li', { hasText: file.name }).waitFor();
  }

  const filesOf = async (caseId: string, code: string) =>
    ((await w.read('clerk1', `/api/cases/${caseId}/files`)) as FilesAnswer).materials.find(
      (m) => m.code === code,
    )?.files ?? [];

  it('a clerk attaches the corrected material’s scan at 补正; a renamed executable is refused in Chinese, unsent', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['layout-and-process'] });
    await w.ok('clerk1', `/api/cases/${received.caseId}/request-correction`, {
      items: [{ code: 'layout-and-process', problem: '未提交主要设备设施布局及操作流程文件' }],
    });
    await session.signInAs('clerk1');
    await openCommand(received.caseId, 'SubmitCorrection');
    const form = '#form-SubmitCorrection';
    await expect(axeIn(form)).resolves.toEqual([]);
    const head = await session.server.store.headPosition();
    await page.setInputFiles(`${form} input[name="s.layout-and-process"]`, {
      name: '布局图.pdf',
      mimeType: 'application/pdf',
      buffer: ELF_BYTES,
    });
    // Choosing a file ticks the material as handed in.
    await expect(page.isChecked(`${form} input[name="m.layout-and-process"]`)).resolves.toBe(true);
    await page.click('#submit-SubmitCorrection');
    const problem = page.locator(`${form} .problem`);
    await problem.waitFor();
    const words = (await problem.textContent()) ?? '';
    expect(words).toContain('文件「布局图.pdf」的内容不是 PDF、JPEG 或 PNG');
    expect(chineseProblems(words.replace('布局图.pdf', ''))).toEqual([]);
    expect(await session.server.store.headPosition()).toBe(head);

    await attachAndSend('SubmitCorrection', 'layout-and-process', {
      name: '布局图.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    const detail = await w.read('clerk1', `/api/cases/${received.caseId}`);
    expect(detail.state).toBe('frontDesk.correctionSubmitted');
    expect(await filesOf(received.caseId, 'layout-and-process')).toEqual([
      expect.objectContaining({ sha256: sha256(PDF_BYTES), name: '布局图.pdf', type: 'application/pdf' }),
    ]);
  });

  it('a clerk attaches the supplied material’s photo at 容缺 supply, and the page stays Chinese', async () => {
    const received = await w.receive(DEMO_ITEMS.foodBusinessLicence, { leaveOut: ['safety-rules'] });
    await w.ok('clerk1', `/api/cases/${received.caseId}/accept-with-deficiency`, {
      missing: [{ code: 'safety-rules' }],
      supplyBy: '2026-03-06',
      commitmentSigned: true,
    });
    await openCommand(received.caseId, 'SupplyDeficiency');
    const form = '#form-SupplyDeficiency';
    await expect(axeIn(form)).resolves.toEqual([]);
    expect(chineseProblems(await page.locator(form).innerText())).toEqual([]);
    await attachAndSend('SupplyDeficiency', 'safety-rules', {
      name: '制度照片.png',
      mimeType: 'image/png',
      buffer: PNG_BYTES,
    });
    expect(await filesOf(received.caseId, 'safety-rules')).toEqual([
      expect.objectContaining({ sha256: sha256(PNG_BYTES), name: '制度照片.png', type: 'image/png' }),
    ]);
    const text = (await page.locator('main').innerText()).replace(/制度照片\.png/g, '');
    expect(chineseProblems(text)).toEqual([]);
  });
});
