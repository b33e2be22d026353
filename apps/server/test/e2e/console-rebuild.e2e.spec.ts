import { ManualClock } from '@one-window/shared';
import { DEMO_ITEMS } from '../support/api-world.js';
import { describeWithBrowser } from '../support/browser.js';
import { serveConsole } from '../support/suites.js';

/**
 * 重建读模型 on the read-model page (an administrator): the confirmation says what the people at
 * the windows will see meanwhile — the lists as they were when it began (the rebuild writes beside
 * the read models and replaces them at its end, ADR 9) — and the cases are there after it.
 */
describeWithBrowser('rebuilding the read models from the console', () => {
  const { server, page, w } = serveConsole({
    clock: new ManualClock('2026-03-02T01:30:00Z'),
    api: true,
    signIn: 'admin',
  });

  it('asks in Chinese, saying the lists keep what they show until it ends, and finishes with every case listed', async () => {
    let last = { position: 0 };
    for (let i = 0; i < 3; i++) last = await w.receive(DEMO_ITEMS.foodBusinessLicence);
    const before = await w.read('admin', '/api/cases', last);
    await page.goto(`${server.base}/#/projections`);
    await page.locator('#rebuild-button').waitFor();
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.click('#rebuild-button');
    expect(asked).toBe('从事件日志重建全部读模型？重建完成前，各列表照旧显示重建开始时的数据。');
    await page.locator('#rebuild-progress', { hasText: '已完成' }).waitFor({ timeout: 30_000 });
    const after = await w.read('admin', '/api/cases');
    expect(after.total).toBe(before.total);
    expect(after.total).toBeGreaterThanOrEqual(3);
  });
});
