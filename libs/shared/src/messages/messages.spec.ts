import { EN } from './en.js';
import { formatDate, formatDateTime } from './format.js';
import { MessageCatalog, preferredLang } from './index.js';
import { ZH } from './zh.js';

const catalog = new MessageCatalog();

describe('the message catalog (ADR 15)', () => {
  it('has the same keys in Chinese and English, and every template parses in both', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(ZH).sort());
    for (const key of Object.keys(ZH)) {
      expect(() => catalog.t('zh', key, {})).not.toThrow();
      expect(() => catalog.t('en', key, {})).not.toThrow();
    }
  });

  it('counts in English with plurals: 1 working day, 2 working days', () => {
    expect(catalog.t('en', 'workingDaysN', { n: 1 })).toBe('1 working day');
    expect(catalog.t('en', 'workingDaysN', { n: 2 })).toBe('2 working days');
    expect(catalog.t('zh', 'workingDaysN', { n: 1 })).toBe('1 个工作日');
    // The read-model page's lag and rebuild progress (issue 11: "1 events").
    expect(catalog.t('en', 'eventsN', { n: 1 })).toBe('1 event');
    expect(catalog.t('en', 'eventsN', { n: 0 })).toBe('0 events');
    expect(catalog.t('en', 'eventsN', { n: 1000, more: true })).toBe('at least 1000 events');
    expect(catalog.t('zh', 'eventsN', { n: 1 })).toBe('1 个事件');
    expect(catalog.t('zh', 'eventsN', { n: 1000, more: true })).toBe('至少 1000 个事件');
  });

  it('shows instants in China time, one format in both languages', () => {
    expect(formatDateTime('2026-12-02T22:12:43.822Z')).toBe('2026-12-03 06:12');
    expect(formatDate('2026-12-02T16:00:00Z')).toBe('2026-12-03');
    expect(formatDate('2026-12-03')).toBe('2026-12-03');
    expect(
      catalog.t('zh', 'eventDetail.case.ObligationOpened', {
        callbackDueAt: '2026-12-02T22:12:43.822Z',
        rectifyDueBy: '2026-12-17',
      }),
    ).toBe('须于 2026-12-03 06:12 前回访核实，2026-12-17 前整改或解释');
  });

  it('names fields by their pointer, never the pointer itself', () => {
    expect(catalog.fieldName('zh', '#/materials/2/code')).toBe('第 3 项材料');
    expect(catalog.fieldName('zh', '#/applicant/idNumber')).toBe('申请人证件号码');
    expect(catalog.fieldName('zh', '#/reasons/0')).toBe('第 1 条理由');
    expect(catalog.fieldName('zh', '#/somethingNew')).toBe('该项');
    expect(
      catalog.fieldProblem('zh', { pointer: '#/days', code: 'integer-range', params: { min: 1, max: 10 } }),
    ).toBe('延长工作日：须为 1 至 10 之间的整数');
  });

  it('words a problem by its code, then its type, then its status', () => {
    catalog.add({
      'status.frontDesk.received': { zh: '已收件', en: 'Received' },
      'cmd.AcceptCase': { zh: '受理', en: 'Accept' },
    });
    const params = { state: 'frontDesk.received', allowed: ['AcceptCase'] };
    expect(catalog.problemDetail('zh', { code: 'not-allowed-in-state', params })).toBe(
      '办件当前为「已收件」，不能办理此操作。现在可以办理：受理。',
    );
    expect(
      catalog.problemDetail('zh', {
        code: 'not-allowed-in-state',
        params: { state: 'frontDesk.received', allowed: [] },
      }),
    ).toBe('办件当前为「已收件」，不能办理此操作。');
    expect(catalog.problemDetail('zh', { type: '/problems/forbidden', code: 'forbidden.unheard-of' })).toBe(
      '您无权办理此操作。',
    );
    expect(catalog.problemDetail('zh', { type: '/problems/teapot', status: 418 })).toBe(
      '请求未能办理，请检查后重试。',
    );
  });

  it('answers in English only when English is preferred (Accept-Language)', () => {
    expect(preferredLang(undefined)).toBe('zh');
    expect(preferredLang('*')).toBe('zh');
    expect(preferredLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(preferredLang('en-US,en;q=0.9')).toBe('en');
    expect(preferredLang('fr-FR, en;q=0.5')).toBe('en');
    expect(preferredLang('en;q=0.3, zh-CN;q=0.7')).toBe('zh');
    expect(preferredLang('fr')).toBe('zh');
  });
});
